import { randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { LabCommand, LabId, packLabFrame, unpackLabFrame, type LabEvent } from '../../protocol/lab.ts';
import type { LiveSocket } from '../live-socket.ts';
import { parseJsonMessage } from '../json-message.ts';
import { LabConnection, type OwnerLink } from './lab-connection.ts';
import type { LabLimitsConfig } from './limits.ts';
import type { UpgradeRefusal } from '../endpoints/types.ts';

/** One lab: the page that owns it and the TCP connections it serves. */
interface Lab {
  id: string;
  origin: string;
  owner: LiveSocket;
  link: OwnerLink;
  connections: Map<number, LabConnection>;
  nextConnection: number;
}

/** 128 random bits: nobody finds another learner's lab by trying ids. */
const newLabId = () => randomBytes(16).toString('base64url');

const ownerLink = (owner: LiveSocket): OwnerLink => ({
  sendBytes: (connection, bytes) => owner.send(packLabFrame(connection, bytes), { binary: true }),
  sendEvent: (event: LabEvent) => owner.send(JSON.stringify(event)),
  buffered: () => owner.bufferedAmount,
  onceDrained: (resume) => {
    const socket = owner.ctx?.socket;
    if (socket) socket.once('drain', resume);
    else resume();
  },
});

/** The open labs of one server, their per-origin counts and their connections. */
export class Labs {
  readonly #labs = new Map<string, Lab>();
  readonly #perOrigin = new Map<string, number>();

  private readonly limits: LabLimitsConfig;
  /** The largest owner frame `ws` accepts (the server's max payload). */
  private readonly maxFrameBytes: number;
  /**
   * Bytes queued to an owner past which its connections stop reading: half the server's
   * --send-buffer, so a flood pauses the browser (TCP pushes back) before the owner would be
   * dropped as a slow consumer.
   */
  private readonly pauseAt: number;

  constructor(limits: LabLimitsConfig, maxFrameBytes: number, ownerSendBuffer: number) {
    this.limits = limits;
    this.maxFrameBytes = maxFrameBytes;
    this.pauseAt = Math.floor(ownerSendBuffer / 2);
  }

  /** Before the owner's handshake: may one more lab open for this origin? */
  refuseOwner(origin: string): UpgradeRefusal | null {
    if ((this.#perOrigin.get(origin) ?? 0) < this.limits.perOrigin) return null;
    return { status: 429, reason: `${this.limits.perOrigin} labs are already open from ${origin}; close one first` };
  }

  /** The owner's socket is open: the lab exists until it closes. */
  open(owner: LiveSocket, origin: string): void {
    const lab: Lab = { id: newLabId(), origin, owner, link: ownerLink(owner), connections: new Map(), nextConnection: 1 };
    this.#labs.set(lab.id, lab);
    this.#perOrigin.set(origin, (this.#perOrigin.get(origin) ?? 0) + 1);
    owner.on('message', (data: Buffer, isBinary: boolean) => this.#fromOwner(lab, data, isBinary));
    owner.on('close', () => this.#end(lab));
    const { connections, bytesPerSecond, bufferBytes, idleMs } = this.limits;
    lab.link.sendEvent({
      type: 'ready',
      id: lab.id,
      path: `/lab/${lab.id}`,
      limits: { connections, bytesPerSecond, bufferBytes, idleMs, maxFrameBytes: this.maxFrameBytes },
    });
  }

  /** The lab a `/lab/<id>…` (or `/ws/lab-pipe/<id>`) path names, or why there is none. */
  find(pathname: string): Lab | UpgradeRefusal {
    const id = /^\/(?:lab|ws\/lab-pipe)\/([^/?]*)/.exec(pathname)?.[1] ?? '';
    const lab = LabId.safeParse(id).success ? this.#labs.get(id) : undefined;
    return lab ?? { status: 404, reason: `no open lab "${id}": it never existed, or the page that opened it has closed` };
  }

  /** Past the lab's connection limit: the refusal, which the owner hears about too. */
  refuseConnection(lab: Lab): UpgradeRefusal | null {
    if (lab.connections.size < this.limits.connections) return null;
    const message = `lab ${lab.id} already has ${this.limits.connections} connections open; close one first`;
    lab.link.sendEvent({ type: 'refused', message });
    return { status: 503, reason: message };
  }

  /** A connection to a lab (TCP, or a page's pipe) handed to the owner byte for byte. */
  connect(lab: Lab, remoteAddress: string, socket: Duplex, requestHead: Buffer, head: Buffer): void {
    const id = lab.nextConnection++;
    const connection = new LabConnection(id, socket, { ...this.limits, pauseAt: this.pauseAt }, lab.link, (gone) => lab.connections.delete(gone.id));
    lab.connections.set(id, connection);
    connection.start(remoteAddress, requestHead, head);
  }

  #fromOwner(lab: Lab, data: Buffer, isBinary: boolean): void {
    if (isBinary) {
      const frame = unpackLabFrame(data);
      const connection = frame && lab.connections.get(frame.connection);
      if (frame && connection) return connection.write(frame.bytes);
      const message = frame
        ? `connection ${frame.connection} is not open in this lab (it closed, or never existed)`
        : 'a binary frame starts with a 4-byte connection id';
      return lab.link.sendEvent({ type: 'error', code: frame ? 'unknown_connection' : 'bad_message', message });
    }
    const parsed = parseJsonMessage(LabCommand, data, false);
    if (!parsed.ok) return lab.link.sendEvent(parsed.error);
    const connection = lab.connections.get(parsed.value.connection);
    if (connection) connection.end();
    else lab.link.sendEvent({ type: 'error', code: 'unknown_connection', message: `connection ${parsed.value.connection} is not open in this lab` });
  }

  /** A lab ends with its owner: its connections are cut and its id is free of meaning. */
  #end(lab: Lab): void {
    if (this.#labs.get(lab.id) !== lab) return;
    this.#labs.delete(lab.id);
    const left = (this.#perOrigin.get(lab.origin) ?? 1) - 1;
    if (left > 0) this.#perOrigin.set(lab.origin, left);
    else this.#perOrigin.delete(lab.origin);
    for (const connection of [...lab.connections.values()]) connection.destroy();
  }
}
