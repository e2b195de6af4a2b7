import { CloseCode } from '../../protocol/close-codes.ts';
import type { LiveSocket } from '../live-socket.ts';
import type { WorkshopRelay } from '../store/types.ts';
import type { RelayMessage } from './relay-message.ts';
import { RemoteSocket } from './remote-socket.ts';

/** A client message that arrived before its room was found, kept for the room in arrival order. */
export type HeldMessage = [data: Buffer, isBinary: boolean];

/** What the owner does with a connection relayed to it: the same as with one of its own. */
export type OpenRemote = (socket: RemoteSocket, code: string, lanOrigins: string[], address: string) => void;

/**
 * Both ends of the workshop relay on one instance: as the edge it forwards sockets that landed
 * here to the room's owner; as the owner it gives the rooms it serves a RemoteSocket for each.
 * When the relay breaks, every relayed connection is closed at both ends (its messages may have
 * been lost), and the client's reconnect is welcomed with the whole room state again.
 */
export class RelayEnds {
  readonly #relay: WorkshopRelay;
  readonly #open: OpenRemote;
  /** Owner side: the rooms' ends of sockets other instances hold. */
  readonly #remote = new Map<string, RemoteSocket>();
  /** Edge side: sockets here whose room is elsewhere. */
  readonly #bridged = new Map<string, LiveSocket>();
  #next = 0;

  constructor(relay: WorkshopRelay, open: OpenRemote) {
    this.#relay = relay;
    this.#open = open;
    relay.listen((message) => this.#receive(message));
    relay.onOutage(() => {
      for (const socket of this.#remote.values()) socket.gone();
      for (const ws of this.#bridged.values()) ws.close(CloseCode.tryAgainLater, 'lost the link to the server that runs this room; reconnecting');
    });
  }

  /** Edge: `ws` asked for a room that `owner` serves; from now on it talks to that room. */
  bridge(ws: LiveSocket, owner: string, code: string, lanOrigins: string[], address: string, held: readonly HeldMessage[]): void {
    const conn = `${this.#relay.self}#${++this.#next}`;
    const post = (message: RelayMessage) => this.#relay.send(owner, message);
    const forward = (data: Buffer, isBinary: boolean) =>
      post({ t: 'in', conn, data: isBinary ? data.toString('base64') : data.toString(), binary: isBinary, rtt: ws.rttMs });
    post({ t: 'open', conn, from: this.#relay.self, code, lan: lanOrigins, address });
    for (const [data, isBinary] of held) forward(data, isBinary);
    this.#bridged.set(conn, ws);
    // Killed, the owner never says goodbye: its heartbeat stops and the room is taken over by
    // whichever instance the client reaches next.
    const unwatch = this.#relay.watch(owner, () => ws.close(CloseCode.goingAway, 'the server that ran this room stopped; reconnect'));
    ws.on('message', forward);
    ws.on('close', () => {
      unwatch();
      if (this.#bridged.delete(conn)) post({ t: 'gone', conn });
    });
  }

  /** This instance stops: the others stop relaying to it; its relayed clients reconnect elsewhere. */
  async retire(): Promise<void> {
    await this.#relay.retire();
    for (const socket of this.#remote.values()) socket.close(CloseCode.goingAway, 'server shutting down');
  }

  #receive(message: RelayMessage): void {
    switch (message.t) {
      case 'open': {
        const socket = new RemoteSocket(message.conn, (reply) => this.#relay.send(message.from, reply));
        this.#remote.set(message.conn, socket);
        socket.once('close', () => this.#remote.delete(message.conn));
        return this.#open(socket, message.code, message.lan, message.address);
      }
      case 'in': {
        const data = message.binary ? Buffer.from(message.data, 'base64') : Buffer.from(message.data);
        return this.#remote.get(message.conn)?.receive(data, message.binary, message.rtt);
      }
      case 'gone':
        return this.#remote.get(message.conn)?.gone();
      case 'out':
        return this.#bridged.get(message.conn)?.send(message.data);
      case 'close': {
        const ws = this.#bridged.get(message.conn);
        // Said by the owner: no 'gone' back for it.
        this.#bridged.delete(message.conn);
        return ws?.close(message.code, message.reason);
      }
    }
  }
}
