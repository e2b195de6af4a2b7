import type { Duplex } from 'node:stream';
import type { LabCloseReason, LabEvent } from '../../protocol/lab.ts';
import type { LabLimitsConfig } from './limits.ts';

/** The lab's limits, plus the owner backlog at which reading from the client pauses. */
export type ConnectionLimits = LabLimitsConfig & { pauseAt: number };

/** What a connection needs from its lab's owner channel. */
export interface OwnerLink {
  sendBytes(connection: number, bytes: Uint8Array): void;
  sendEvent(event: LabEvent): void;
  /** Bytes queued towards the owner, and a way to hear when they have gone out. */
  buffered(): number;
  onceDrained(resume: () => void): void;
}

/** A fixed one-second window of bytes: cheap enough to run on every chunk. */
class ByteWindow {
  #start = 0;
  #bytes = 0;
  readonly #perSecond: number;
  constructor(perSecond: number) {
    this.#perSecond = perSecond;
  }
  admit(bytes: number): boolean {
    const now = Date.now();
    if (now - this.#start >= 1000) {
      this.#start = now;
      this.#bytes = 0;
    }
    this.#bytes += bytes;
    return this.#bytes <= this.#perSecond;
  }
}

/**
 * One TCP connection to a lab: every byte the browser sends goes to the owner as it arrives,
 * every byte the owner sends goes to the browser. `ws` never sees it, so whatever the
 * learner's code answers (right or wrong) is exactly what the browser gets.
 */
export class LabConnection {
  #ended = false;
  #idle: ReturnType<typeof setTimeout> | undefined;
  readonly #inbound: ByteWindow;
  readonly #outbound: ByteWindow;
  readonly id: number;
  private readonly socket: Duplex;
  private readonly limits: ConnectionLimits;
  private readonly owner: OwnerLink;
  private readonly onGone: (connection: LabConnection) => void;

  constructor(id: number, socket: Duplex, limits: ConnectionLimits, owner: OwnerLink, onGone: (connection: LabConnection) => void) {
    this.id = id;
    this.socket = socket;
    this.limits = limits;
    this.owner = owner;
    this.onGone = onGone;
    this.#inbound = new ByteWindow(limits.bytesPerSecond);
    this.#outbound = new ByteWindow(limits.bytesPerSecond);
  }

  /** Tells the owner, hands over the request head (none for a pipe) and any bytes read past it, then relays. */
  start(remoteAddress: string, requestHead: Buffer, head: Buffer): void {
    const { socket } = this;
    this.owner.sendEvent({ type: 'open', connection: this.id, remoteAddress });
    if (requestHead.length > 0) this.owner.sendBytes(this.id, requestHead);
    if (head.length > 0) this.#fromClient(head);
    socket.on('data', (chunk: Buffer) => this.#fromClient(chunk));
    // The browser half-closed: flush what the owner wrote, then close our half too.
    socket.on('end', () => socket.end());
    socket.on('error', () => this.#finish('client_closed', 'the connection failed'));
    socket.on('close', () => this.#finish('client_closed', 'the client closed the connection'));
    // Our own timer, not socket.setTimeout: a pipe connection (lab-pipe.ts) is a stream, not TCP.
    this.#idle = setTimeout(() => this.#stop('idle', `no bytes either way for ${this.limits.idleMs} ms`), this.limits.idleMs);
  }

  #fromClient(chunk: Buffer): void {
    if (this.#ended) return;
    this.#idle?.refresh();
    if (!this.#inbound.admit(chunk.length)) {
      return this.#stop('rate_limit', `the client sent more than ${this.limits.bytesPerSecond} bytes in one second`);
    }
    this.owner.sendBytes(this.id, chunk);
    // The owner reads slower than the browser writes: stop reading, so TCP pushes back.
    if (this.owner.buffered() > this.limits.pauseAt) {
      this.socket.pause();
      this.owner.onceDrained(() => this.socket.resume());
    }
  }

  /** Bytes from the owner, written to the browser as they are. */
  write(bytes: Uint8Array): void {
    if (this.#ended) return;
    this.#idle?.refresh();
    if (!this.#outbound.admit(bytes.byteLength)) {
      return this.#stop('rate_limit', `the lab wrote more than ${this.limits.bytesPerSecond} bytes in one second`);
    }
    this.socket.write(bytes);
    if (this.socket.writableLength > this.limits.bufferBytes) {
      this.#stop('buffer_full', `more than ${this.limits.bufferBytes} bytes queued to a client that does not read`);
    }
  }

  /** The owner is done: what it wrote still goes out, then FIN. */
  end(): void {
    if (this.#ended) return;
    this.#finish('owner_ended', 'the lab ended the connection');
    this.socket.end();
  }

  /** The lab itself ended (its owner left): nobody is left to tell. */
  destroy(): void {
    this.#ended = true;
    clearTimeout(this.#idle);
    this.onGone(this);
    this.socket.destroy();
  }

  /** A limit was passed: cut the connection at once and say which. */
  #stop(reason: LabCloseReason, message: string): void {
    this.#finish(reason, message);
    this.socket.destroy();
  }

  #finish(reason: LabCloseReason, message: string): void {
    if (this.#ended) return;
    this.#ended = true;
    clearTimeout(this.#idle);
    this.onGone(this);
    this.owner.sendEvent({ type: 'closed', connection: this.id, reason, message });
  }
}
