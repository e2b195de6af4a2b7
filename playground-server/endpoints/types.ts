import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';

/** Why an upgrade was refused: the HTTP status and a reason the client can read. */
export interface UpgradeRefusal {
  status: number;
  reason: string;
}

/**
 * One WebSocket endpoint family. `match` looks only at the URL (no I/O) so a bad path or
 * parameter is refused before the handshake completes; `open` owns the socket afterwards.
 */
export interface WsEndpoint<Params = unknown> {
  /** Label for logs and metrics, e.g. "echo". */
  name: string;
  /** null: not this endpoint. A refusal: this endpoint, but the request is wrong. */
  match(url: URL): { params: Params } | UpgradeRefusal | null;
  open(ws: WebSocket, req: IncomingMessage, params: Params): void;
}
