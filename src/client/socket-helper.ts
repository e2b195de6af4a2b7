import ReconnectingWebSocket, { type Options } from 'partysocket/ws';
import type { SocketEvent } from './run-protocol.ts';
import { clip } from './format.ts';

/**
 * Backoff pinned explicitly: partysocket's README defaults drifted from its code, and the
 * lessons quote these numbers. Retry after 0.5 s, ×1.5 each time, at most 8 s.
 */
export const socketDefaults = {
  minReconnectionDelay: 500,
  maxReconnectionDelay: 8000,
  reconnectionDelayGrowFactor: 1.5,
  minUptime: 5000,
  connectionTimeout: 4000,
  maxRetries: Number.POSITIVE_INFINITY,
  maxEnqueuedMessages: 100,
} satisfies Options;

/** Close codes after which reconnecting would only repeat the same refusal. */
const finalCloseCodes = new Set([1000, 1008, 1009]);

type Report = (event: SocketEvent) => void;

const now = () => performance.timeOrigin + performance.now();

function describePayload(data: unknown): { binary: boolean; bytes: number; preview: string } {
  if (typeof data === 'string') return { binary: false, bytes: new TextEncoder().encode(data).byteLength, preview: clip(data) };
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    const bytes = data.byteLength;
    const view = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const hex = [...view.subarray(0, 32)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    return { binary: true, bytes, preview: bytes > 32 ? `${hex} …` : hex };
  }
  if (data instanceof Blob) return { binary: true, bytes: data.size, preview: `<blob ${data.size} bytes>` };
  return { binary: false, bytes: 0, preview: String(data) };
}

/**
 * `connect(path)` for learner code: a partysocket ReconnectingWebSocket to the playground
 * server, instrumented so the page sees every connect, open, send, message and close.
 */
export function createConnect(serverOrigin: string, report: Report) {
  let nextId = 1;
  return function connect(path: string, options: Partial<Options> = {}): ReconnectingWebSocket {
    const id = nextId++;
    const url = new URL(path, serverOrigin);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new ReconnectingWebSocket(url.href, [], {
      ...socketDefaults,
      shouldReconnectOnClose: (event) => !finalCloseCodes.has(event.code),
      ...options,
    });
    socket.binaryType = 'arraybuffer';
    report({ type: 'socket', socket: id, at: now(), event: 'connecting', url: url.href });
    socket.addEventListener('open', () => report({ type: 'socket', socket: id, at: now(), event: 'open' }));
    socket.addEventListener('message', (event) =>
      report({ type: 'socket', socket: id, at: now(), event: 'message', ...describePayload(event.data) }),
    );
    socket.addEventListener('close', (event) =>
      report({ type: 'socket', socket: id, at: now(), event: 'close', code: event.code, reason: event.reason, wasClean: event.wasClean }),
    );
    socket.addEventListener('error', (event) =>
      report({ type: 'socket', socket: id, at: now(), event: 'error', message: event.message || 'connection failed' }),
    );
    const send = socket.send.bind(socket);
    socket.send = (data) => {
      report({ type: 'socket', socket: id, at: now(), event: 'send', queued: socket.readyState !== socket.OPEN, ...describePayload(data) });
      return send(data);
    };
    return socket;
  };
}
