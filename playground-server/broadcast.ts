import { serverFrame } from './wire-frame.ts';

/** What a broadcast writes to: a LiveSocket, or a stand-in for a socket held by another instance. */
export interface FrameSink {
  /** Holds this tick's writes together; false if it already does or cannot. */
  corkWrites(): boolean;
  uncorkWrites(): void;
  /** Writes a frame built once for many recipients (`payload` is what it carries). */
  sendFrame(frame: Buffer, payload: Buffer, isBinary: boolean): void;
}

/** Sockets corked during the current tick, uncorked together once it ends. */
let corked: FrameSink[] = [];

function uncorkAll(): void {
  const sockets = corked;
  corked = [];
  for (const ws of sockets) ws.uncorkWrites();
}

/**
 * Sends one message to many sockets with the per-message work done once: the payload is
 * encoded and framed a single time, then the same bytes are written to every socket.
 * Several broadcasts in one tick (a burst from one sender) leave each socket as one write:
 * sockets stay corked until the tick ends, so a burst costs one system call per client.
 */
export function broadcast<Sink extends FrameSink>(recipients: Iterable<Sink>, data: Buffer | string, isBinary: boolean, except?: Sink): void {
  const payload = typeof data === 'string' ? Buffer.from(data) : data;
  let frame: Buffer | undefined;
  for (const ws of recipients) {
    if (ws === except) continue;
    frame ??= serverFrame(payload, isBinary);
    if (ws.corkWrites()) {
      if (corked.length === 0) process.nextTick(uncorkAll);
      corked.push(ws);
    }
    ws.sendFrame(frame, payload, isBinary);
  }
}
