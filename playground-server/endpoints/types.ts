import type { IncomingMessage } from 'node:http';
import type { LiveSocket } from '../live-socket.ts';

/** Why an upgrade was refused: the HTTP status and a reason the client can read. */
export interface UpgradeRefusal {
  status: number;
  reason: string;
}

/**
 * One WebSocket endpoint family. `match` looks only at the URL (no I/O) so a bad path or
 * parameter is refused before the handshake completes; `open` owns the socket afterwards.
 * The socket already enforces the server's limits and reports to the inspector.
 */
export interface WsEndpoint<Params = unknown> {
  /** Label for logs and metrics, e.g. "echo". */
  name: string;
  /** null: not this endpoint. A refusal: this endpoint, but the request is wrong. */
  match(url: URL): { params: Params } | UpgradeRefusal | null;
  /** A check of the request itself (its headers), after `match`; null lets it in. */
  admit?(req: IncomingMessage): UpgradeRefusal | null;
  /** Messages per second a client may send, when this endpoint's differs from the server's. */
  rateLimit?: number;
  /** True: permessage-deflate is negotiated when the client offers it (see compression.ts). */
  compression?: boolean;
  /**
   * Heartbeat intervals a ping may go unanswered before the peer counts as dead (default 2).
   * More for peers whose pong queues behind megabytes they are still reading (a lab's owner).
   */
  heartbeatGrace?: number;
  /** False for endpoints that must not be traced themselves (the inspector). */
  traceable?: boolean;
  open(ws: LiveSocket, req: IncomingMessage, params: Params): void;
}
