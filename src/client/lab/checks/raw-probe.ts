import { WireDecoder, type WirePiece } from '../wire-decoder.ts';
import type { LabTarget } from './probe.ts';
import { openLabPipe, type LabPipe } from '../lab-pipe.ts';

/**
 * A client that writes raw frames, for what a browser's WebSocket never sends: fragments with a
 * ping between them, invalid UTF-8. It reaches the lab through the page's pipe
 * (`/ws/lab-pipe/<id>`), which the server joins to the lab exactly as a TCP connection.
 */
export interface RawProbe {
  /** A masked client frame (a fresh random key each). */
  send(opcode: number, payload: Uint8Array, fin?: boolean): void;
  /** Frames the server sent, decoded, in order. */
  frames: NonNullable<WirePiece['frame']>[];
  /** Resolves true once `done()` holds, false after the target's timeout. */
  until(done: () => boolean): Promise<boolean>;
  close(): void;
}

/** Opens a pipe, writes the upgrade request, waits for the 101; or says why it could not. */
export async function openRawProbe(target: LabTarget, path = ''): Promise<RawProbe | string> {
  let pipe: LabPipe;
  try {
    pipe = await openLabPipe(target.url, target.openSocket);
  } catch (error) {
    return (error as Error).message;
  }
  const decoder = new WireDecoder();
  const frames: RawProbe['frames'] = [];
  let head = '';
  const waiters = new Set<() => void>();
  pipe.onData((bytes) => {
    for (const piece of decoder.feed(bytes)) {
      if (piece.frame) frames.push(piece.frame);
      else head = piece.preview;
    }
    for (const waiter of [...waiters]) waiter();
  });
  const until = (done: () => boolean) =>
    new Promise<boolean>((resolve) => {
      if (done()) return resolve(true);
      const timer = setTimeout(() => (waiters.delete(check), resolve(false)), target.timeoutMs);
      const check = () => done() && (clearTimeout(timer), waiters.delete(check), resolve(true));
      waiters.add(check);
    });
  const key = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const resource = new URL(target.url).pathname + path;
  pipe.write(new TextEncoder().encode(`GET ${resource} HTTP/1.1\r\nHost: ${new URL(target.url).host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`));
  if (!(await until(() => head !== ''))) return `no answer to the upgrade request within ${target.timeoutMs} ms`;
  if (!head.startsWith('HTTP/1.1 101')) return `the upgrade was answered "${head}", not 101`;
  return {
    frames,
    until,
    close: () => pipe.close(),
    send(opcode, payload, fin = true) {
      const mask = crypto.getRandomValues(new Uint8Array(4));
      const header = payload.length < 126 ? [(fin ? 0x80 : 0) | opcode, 0x80 | payload.length] : [(fin ? 0x80 : 0) | opcode, 0x80 | 126, payload.length >> 8, payload.length & 0xff];
      const frame = new Uint8Array(header.length + 4 + payload.length);
      frame.set(header);
      frame.set(mask, header.length);
      payload.forEach((byte, i) => (frame[header.length + 4 + i] = byte ^ mask[i % 4]!));
      pipe.write(frame);
    },
  };
}
