import { serveDts } from '../../lab/serve-dts.ts';

/**
 * Type definitions for what learner code can use without importing anything. Monaco reads
 * them for completion and hover; the run worker provides the real values.
 */
export const playgroundGlobalsDts = `
/** A reconnecting WebSocket (partysocket) to the Duplex server, with the browser WebSocket's API. */
interface DuplexSocket extends EventTarget {
  readonly url: string;
  readonly readyState: number;
  readonly bufferedAmount: number;
  readonly retryCount: number;
  /** The extensions the server accepted, e.g. "permessage-deflate; client_max_window_bits=15" (empty: none). */
  readonly extensions: string;
  binaryType: 'blob' | 'arraybuffer';
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  /** Sends now, or queues while closed (up to 100 messages) and flushes on reconnect. */
  send(data: string | ArrayBuffer | ArrayBufferView | Blob): void;
  /** Closes for good: no reconnect after this. */
  close(code?: number, reason?: string): void;
  /** Drops the current connection and opens a new one. */
  reconnect(code?: number, reason?: string): void;
}
interface DuplexSocketOptions {
  minReconnectionDelay?: number;
  maxReconnectionDelay?: number;
  reconnectionDelayGrowFactor?: number;
  maxRetries?: number;
  maxEnqueuedMessages?: number;
  /**
   * An application heartbeat (a page cannot send ping frames): \`message\` is sent every
   * \`intervalMs\`; if nothing at all comes back within \`timeoutMs\`, the link is taken for
   * dead (half-open) and the socket reconnects. E.g. { intervalMs: 2000, timeoutMs: 3000, message: 'ping' }.
   */
  heartbeat?: { intervalMs: number; timeoutMs: number; message: string };
}
/**
 * Opens a reconnecting socket to a path on the Duplex server, e.g. connect('/ws/echo').
 * Every frame it sends or receives shows up in the playground's output. A function instead of a
 * path is called before every attempt, so a reconnect can say where it left off:
 * connect(() => \`/ws/chat/lobby?since=\${lastSeq}\`).
 */
declare function connect(path: string | (() => string), options?: DuplexSocketOptions): DuplexSocket;
/** Prints values to the playground's output panel (same as console.log). */
declare function log(...values: unknown[]): void;
/** Resolves after ms milliseconds: await sleep(500). */
declare function sleep(ms: number): Promise<void>;
/** A fresh Sec-WebSocket-Key (16 random bytes, base64), made for this run as a browser makes one. */
declare const sampleKey: string;
// fetch, EventSource and WebSocket are the platform's own (paths such as '/ws/echo' go to the
// Duplex server); the playground reports every request, send and close they make.
${serveDts}`;
