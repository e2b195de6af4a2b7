import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { requestHeadBytes } from './handshake.ts';

interface Mark {
  read: number;
  written: number;
}

interface Counted {
  bytesRead?: number;
  bytesWritten?: number;
}

const marks = new WeakMap<Duplex, Mark>();
const totals = (socket: Duplex): Mark => ({ read: (socket as Counted).bytesRead ?? 0, written: (socket as Counted).bytesWritten ?? 0 });

/**
 * Bytes on the wire, measured by the TCP socket itself (headers, chunked encoding, SSE fields
 * and WebSocket framing included), attributed to one request or connection at a time.
 * `start` is called before anything is written; the request head was already read, so its
 * size is computed from what the parser saw.
 */
export function startMetering(req: IncomingMessage, socket: Duplex): number {
  marks.set(socket, totals(socket));
  return requestHeadBytes(req);
}

/** Bytes read and written on this socket since the last call (or `startMetering`). */
export function takeMetered(socket: Duplex): { bytesIn: number; bytesOut: number } {
  const now = totals(socket);
  const last = marks.get(socket) ?? now;
  marks.set(socket, now);
  return { bytesIn: now.read - last.read, bytesOut: now.written - last.written };
}
