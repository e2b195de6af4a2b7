import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { CloseCode } from './close-codes.ts';
import { rejectUpgrade, sendJson } from './http-reply.ts';
import { echoEndpoint } from './endpoints/echo.ts';
import type { WsEndpoint } from './endpoints/types.ts';
import { workshopEndpoint } from './workshop/endpoint.ts';

const wsEndpoints: readonly WsEndpoint<never>[] = [
  echoEndpoint as WsEndpoint<never>,
  workshopEndpoint as WsEndpoint<never>,
];

/** Paths this module owns; anything else is left to the static site (or Vite in dev). */
const isLivePath = (pathname: string) => pathname === '/healthz' || pathname.startsWith('/ws/');

export interface LiveEndpoints {
  /** Handles the request and returns true if it is one of ours. */
  handleHttp(req: IncomingMessage, res: ServerResponse): boolean;
  /** Handles the upgrade and returns true if it is one of ours (accepted or refused). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Graceful shutdown: every client gets close 1001 so it reconnects to the next process. */
  close(): Promise<void>;
}

/**
 * The live half of the server, independent of how HTTP is served: the production server
 * mounts it beside the static site, `astro dev` mounts it inside Vite's server.
 */
export function createLiveEndpoints(): LiveEndpoints {
  const startedAt = Date.now();
  // Compression stays off: it costs far more CPU than it saves on small messages.
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, clientTracking: true });

  return {
    handleHttp(req, res) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (!isLivePath(url.pathname)) return false;
      if (url.pathname === '/healthz') {
        sendJson(res, 200, {
          status: 'ok',
          uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
          connections: wss.clients.size,
        });
      } else {
        sendJson(res, 426, { error: 'upgrade_required', message: 'this path speaks WebSocket only' });
      }
      return true;
    },

    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (!url.pathname.startsWith('/ws/')) return false;
      for (const endpoint of wsEndpoints) {
        const match = endpoint.match(url);
        if (!match) continue;
        if ('status' in match) {
          rejectUpgrade(socket, match.status, match.reason);
          return true;
        }
        wss.handleUpgrade(req, socket, head, (ws) => endpoint.open(ws, req, match.params));
        return true;
      }
      rejectUpgrade(socket, 404, `no WebSocket endpoint at ${url.pathname}`);
      return true;
    },

    async close() {
      const closed = [...wss.clients].map(
        (ws) =>
          new Promise<void>((resolve) => {
            ws.once('close', () => resolve());
            ws.close(CloseCode.goingAway, 'server shutting down');
            // A peer that never answers the close handshake must not hold the process.
            setTimeout(() => {
              ws.terminate();
              resolve();
            }, 2000).unref();
          }),
      );
      await Promise.all(closed);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
