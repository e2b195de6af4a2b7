import { EventEmitter } from 'node:events';
import type { RelayMessage } from './relay-message.ts';
import type { RoomSocket } from './wire.ts';

const OPEN = 1;
const CLOSED = 3;

/**
 * The room's end of a connection another instance holds: to the room it is a socket like any
 * other; what it sends goes to that instance, which writes it to the real socket, and what the
 * client says arrives through `receive`. Its limits (size, rate, heartbeat) are checked there.
 */
export class RemoteSocket extends EventEmitter implements RoomSocket {
  readonly OPEN = OPEN;
  readyState = OPEN;
  rttMs: number | null = null;
  readonly conn: string;
  readonly #post: (message: RelayMessage) => void;

  /** `post` sends a relay message to the instance holding the socket. */
  constructor(conn: string, post: (message: RelayMessage) => void) {
    super();
    this.conn = conn;
    this.#post = post;
  }

  send(data: string): void {
    if (this.readyState === OPEN) this.#post({ t: 'out', conn: this.conn, data });
  }

  sendFrame(_frame: Buffer, payload: Buffer): void {
    this.send(payload.toString());
  }

  /** Nothing to cork: each message is one publish either way. */
  corkWrites(): boolean {
    return false;
  }

  uncorkWrites(): void {}

  close(code = 1000, reason = ''): void {
    if (this.readyState !== OPEN) return;
    this.#post({ t: 'close', conn: this.conn, code, reason });
    this.gone();
  }

  /** A message from the client, as the edge read it. */
  receive(data: Buffer, isBinary: boolean, rttMs: number | null): void {
    if (this.readyState !== OPEN) return;
    this.rttMs = rttMs;
    this.emit('message', data, isBinary);
  }

  /** The socket is gone (closed on either side, or the relay broke): the room lets it go. */
  gone(): void {
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSED;
    // As a real socket's close event: after the current message is handled.
    setImmediate(() => this.emit('close'));
  }
}
