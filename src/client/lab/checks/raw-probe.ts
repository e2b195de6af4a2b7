import { WireDecoder, type WirePiece } from '../wire-decoder.ts';
import type { LabTarget } from './probe.ts';

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

const pipeUrlOf = (labUrl: string) => labUrl.replace(/\/lab\/([^/]+).*$/, '/ws/lab-pipe/$1');

/** Opens a pipe, writes the upgrade request, waits for the 101; null (with why) if it never comes. */
export async function openRawProbe(target: LabTarget, path = ''): Promise<RawProbe | string> {
  const ws = (target.openSocket ?? ((url: string) => new WebSocket(url)))(pipeUrlOf(target.url));
  ws.binaryType = 'arraybuffer';
  const decoder = new WireDecoder();
  const frames: RawProbe['frames'] = [];
  let head = '';
  const waiters = new Set<() => void>();
  ws.addEventListener('message', (event: MessageEvent) => {
    for (const piece of decoder.feed(new Uint8Array(event.data as ArrayBuffer))) {
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
  const opened = await new Promise<boolean>((resolve) => {
    ws.addEventListener('open', () => resolve(true));
    ws.addEventListener('close', () => resolve(false));
  });
  if (!opened) return 'the page could not open a raw connection to your lab';
  const key = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const resource = new URL(target.url).pathname + path;
  ws.send(new TextEncoder().encode(`GET ${resource} HTTP/1.1\r\nHost: ${new URL(target.url).host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`));
  if (!(await until(() => head !== ''))) return `no answer to the upgrade request within ${target.timeoutMs} ms`;
  if (!head.startsWith('HTTP/1.1 101')) return `the upgrade was answered "${head}", not 101`;
  return {
    frames,
    until,
    close: () => ws.close(),
    send(opcode, payload, fin = true) {
      const mask = crypto.getRandomValues(new Uint8Array(4));
      const header = payload.length < 126 ? [(fin ? 0x80 : 0) | opcode, 0x80 | payload.length] : [(fin ? 0x80 : 0) | opcode, 0x80 | 126, payload.length >> 8, payload.length & 0xff];
      const frame = new Uint8Array(header.length + 4 + payload.length);
      frame.set(header);
      frame.set(mask, header.length);
      payload.forEach((byte, i) => (frame[header.length + 4 + i] = byte ^ mask[i % 4]!));
      ws.send(frame);
    },
  };
}
