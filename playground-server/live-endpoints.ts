import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Config } from './config.ts';
import { CloseCode } from './close-codes.ts';
import { rejectUpgrade, sendJson } from './http-reply.ts';
import { LiveSocket } from './live-socket.ts';
import { Metrics, renderPrometheus, type RejectReason } from './metrics.ts';
import { originAllowed } from './origin-policy.ts';
import { startHeartbeat } from './heartbeat.ts';
import { TraceHub } from './trace-hub.ts';
import { TraceId } from './protocol/inspect.ts';
import { echoEndpoint } from './endpoints/echo.ts';
import { tickerEndpoint } from './endpoints/ticker.ts';
import { inspectEndpoint } from './endpoints/inspect.ts';
import type { WsEndpoint } from './endpoints/types.ts';

/** Paths this module owns; anything else is left to the static site (or Vite in dev). */
const isLivePath = (pathname: string) => pathname === '/healthz' || pathname === '/metrics' || pathname.startsWith('/ws/');

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
export function createLiveEndpoints(config: Config): LiveEndpoints {
  const startedAt = Date.now();
  const metrics = new Metrics();
  const traces = new TraceHub();
  // Compression stays off: it costs far more CPU than it saves on small messages.
  // maxPayload makes `ws` close oversized messages with 1009 before buffering them.
  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    clientTracking: true,
    maxPayload: config.maxPayload,
    WebSocket: LiveSocket,
  });
  const sockets = wss.clients as Set<LiveSocket>;
  const stopHeartbeat = startHeartbeat(sockets, config.heartbeatMs);
  let closing = false;

  const wsEndpoints: readonly WsEndpoint<never>[] = [echoEndpoint, tickerEndpoint, inspectEndpoint(traces)] as WsEndpoint<never>[];

  const refuse = (socket: Duplex, status: number, reason: RejectReason, message: string) => {
    metrics.reject(status, reason);
    rejectUpgrade(socket, status, message);
  };

  /** Every check that can be made before the handshake, in the order a client would fix them. */
  function admit(req: IncomingMessage, socket: Duplex, url: URL): { endpoint: WsEndpoint<never>; params: never; trace: string | null } | null {
    if (closing) return void refuse(socket, 503, 'shutting_down', 'server is shutting down; reconnect shortly'), null;
    if (!originAllowed(req, config.allowedOrigins)) {
      return void refuse(socket, 403, 'origin', `origin ${req.headers.origin} is not allowed (see --allowed-origins)`), null;
    }
    if (sockets.size >= config.maxConnections) {
      return void refuse(socket, 503, 'capacity', `server is full (${config.maxConnections} connections); try again later`), null;
    }
    for (const endpoint of wsEndpoints) {
      const match = endpoint.match(url);
      if (!match) continue;
      if ('status' in match) return void refuse(socket, match.status, 'bad_request', match.reason), null;
      const rawTrace = endpoint.traceable === false ? null : url.searchParams.get('trace');
      if (rawTrace === null) return { endpoint, params: match.params, trace: null };
      const trace = TraceId.safeParse(rawTrace);
      if (!trace.success) return void refuse(socket, 400, 'bad_request', 'trace must be 4–64 letters, digits, "-" or "_"'), null;
      const outage = traces.outageSecondsLeft(trace.data);
      if (outage > 0) return void refuse(socket, 503, 'outage', `simulated outage for trace ${trace.data}: ${outage} s left`), null;
      return { endpoint, params: match.params, trace: trace.data };
    }
    return void refuse(socket, 404, 'not_found', `no WebSocket endpoint at ${url.pathname}`), null;
  }

  return {
    handleHttp(req, res) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (!isLivePath(url.pathname)) return false;
      if (url.pathname === '/healthz') {
        sendJson(res, 200, {
          status: closing ? 'shutting-down' : 'ok',
          uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
          connections: sockets.size,
        });
      } else if (url.pathname === '/metrics') {
        const text = renderPrometheus(metrics.samples());
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' });
        res.end(text);
      } else {
        sendJson(res, 426, { error: 'upgrade_required', message: 'this path speaks WebSocket only' });
      }
      return true;
    },

    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (!url.pathname.startsWith('/ws/')) return false;
      const admitted = admit(req, socket, url);
      if (!admitted) return true;
      const { endpoint, params, trace } = admitted;
      wss.handleUpgrade(req, socket, head, (ws) => {
        const live = ws as LiveSocket;
        const counters = metrics.endpoint(endpoint.name);
        counters.connections++;
        live.ctx = {
          counters,
          metrics,
          socket,
          rateLimit: config.rateLimit,
          sendBuffer: config.sendBuffer,
          trace: trace === null ? null : traces.attach(trace, url.pathname, req, socket),
        };
        // `ws` already closed with the matching code (1009, 1007, 1002); the event only needs a listener.
        live.on('error', () => undefined);
        endpoint.open(live, req, params);
      });
      return true;
    },

    async close() {
      closing = true;
      stopHeartbeat();
      const closed = [...sockets].map(
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
