import type { LiveSocket } from './live-socket.ts';
import { serverFrame } from './wire-frame.ts';

/**
 * Sends one message to many sockets with the per-message work done once: the payload is
 * encoded and framed a single time, then the same bytes are written to every socket.
 */
export function broadcast(recipients: Iterable<LiveSocket>, data: Buffer | string, isBinary: boolean, except?: LiveSocket): void {
  const payload = typeof data === 'string' ? Buffer.from(data) : data;
  let frame: Buffer | undefined;
  for (const ws of recipients) {
    if (ws === except) continue;
    frame ??= serverFrame(payload, isBinary);
    ws.sendFrame(frame, payload, isBinary);
  }
}
