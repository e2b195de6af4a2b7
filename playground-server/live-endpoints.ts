import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Config } from './config.ts';
import { CloseCode } from '../protocol/close-codes.ts';
import { rejectUpgrade, sendJson } from './http-reply.ts';
import { LiveSocket } from './live-socket.ts';
import { Metrics, renderPrometheus, type RejectReason, type Sample } from './metrics.ts';
import { originAllowed } from './origin-policy.ts';
import { startHeartbeat } from './heartbeat.ts';
import { sendToEach, TraceHub } from './trace-hub.ts';
import { TraceId } from '../protocol/inspect.ts';
import { echoDeflateEndpoint, echoEndpoint } from './endpoints/echo.ts';
import { deflateOptions } from './compression.ts';
import { tapCompression } from './compression-tap.ts';
import { rpcEndpoint } from './endpoints/rpc.ts';
import { tickerEndpoint } from './endpoints/ticker.ts';
import { inspectEndpoint } from './endpoints/inspect.ts';
import { roomEndpoint } from './endpoints/room.ts';
import { chatEndpoint, deliverToPeers } from './endpoints/chat.ts';
import { openStore } from './store/open.ts';
import type { WsEndpoint } from './endpoints/types.ts';
import { broadcast } from './broadcast.ts';
import { eventsEndpoint } from './endpoints/events.ts';
import { feedHttp } from './endpoints/feed-http.ts';
import { readFeedQuery } from './feed-query.ts';
import { TransportCounters } from './transport-stats.ts';
import { startMetering } from './wire-meter.ts';
import { createWorkshopEndpoint } from './workshop/endpoint.ts';
import { createLabTunnel } from './lab/endpoint.ts';
import { deliverToDemo, oneProcessBackplane, scalingDemoEndpoint } from './endpoints/scaling-demo.ts';

/** The lab's own paths, and what they answer when the tunnel is off. */
const labPath = /^\/ws\/lab(-pipe)?(\/|$)/;
const labOff = 'the lab tunnel is off on this server (--no-lab / DUPLEX_LAB=off)';

/** Paths this module owns; anything else is left to the static site (or Vite in dev). */
const isLivePath = (pathname: string) =>
  pathname === '/healthz' || pathname === '/metrics' || /^\/(ws|poll|sse|stats|lab)\//.test(pathname);

/**
 * `ws` has already closed the socket with the matching code (1009, 1007, 1002); the event only
 * needs a listener. Module-level on purpose: a closure here would keep the upgrade request
 * (headers and all) alive as long as the connection.
 */
const ignoreError = () => undefined;

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
export async function createLiveEndpoints(config: Config): Promise<LiveEndpoints> {
  // First, so a corrupt state file stops start-up before anything listens.
  const store = await openStore(config);
  const workshopRooms = await store.workshop.load();
  const startedAt = Date.now();
  const metrics = new Metrics();
  const traces = new TraceHub(store.rooms('trace', sendToEach));
  // Compression stays off but for the endpoints that teach it: it costs far more CPU than it
  // saves on small messages. maxPayload makes `ws` close oversized messages with 1009 before
  // buffering them (for a compressed message, its inflated size: no zip bomb gets through).
  const serverOptions = { noServer: true, clientTracking: false, maxPayload: config.maxPayload, WebSocket: LiveSocket };
  const wss = new WebSocketServer({ ...serverOptions, perMessageDeflate: false });
  const deflateWss = new WebSocketServer({ ...serverOptions, perMessageDeflate: deflateOptions });
  /** Every open connection of both servers: one heartbeat, one capacity, one shutdown. */
  const sockets = new Set<LiveSocket>();
  const stopHeartbeat = startHeartbeat(sockets, config.heartbeatMs);
  let closing = false;
  const feed = await store.feed(config.feedIntervalMs);
  const transportCounters = new TransportCounters();
  const feedOverHttp = feedHttp(feed, transportCounters, { longPollTimeoutMs: config.longPollTimeoutMs, maxHeld: config.maxConnections });

  // Built here, not at import time: each server (two in one test process) has its own rooms.
  // A share over --max-payload is closed (1009) by `ws` before the room sees it: the room's own
  // bound, told to attendees, is never more than that.
  const workshopLimits = { ...config.workshop, shareBytes: Math.min(config.workshop.shareBytes, config.maxPayload) };
  const workshop = createWorkshopEndpoint(workshopLimits, store.workshop, workshopRooms, store.relay);
  const deliver = (members: ReadonlySet<LiveSocket>, { data, isBinary }: { data: Buffer | string; isBinary: boolean }, except?: LiveSocket) =>
    broadcast(members, data, isBinary, except);
  // Off (--no-lab), the tunnel is not built at all: no endpoint to match, no labs to keep.
  const lab = config.labTunnel ? createLabTunnel(config) : null;
  // The demo's other instance serves pages whose client 2 connects here.
  const allowedOrigins = config.demoPeer ? [...config.allowedOrigins, config.demoPeer] : config.allowedOrigins;
  const wsEndpoints = [
    echoEndpoint,
    echoDeflateEndpoint,
    rpcEndpoint,
    tickerEndpoint,
    inspectEndpoint(traces),
    roomEndpoint(store.rooms('room', deliver)),
    chatEndpoint(store.rooms('chat', deliverToPeers), store.chat, config.chatHistory, store.presence),
    eventsEndpoint(feed, transportCounters),
    workshop,
    scalingDemoEndpoint(
      config.demoPeer ? { rooms: store.rooms('scaling-demo', deliverToDemo), logs: store.chat, peer: config.demoPeer } : oneProcessBackplane(),
    ),
    ...(lab ? [lab.ownerEndpoint, lab.pipeEndpoint] : []),
  ] as WsEndpoint<never>[];

  type Refusal = { status: number; reason: RejectReason; message: string };
  type Admitted = { endpoint: WsEndpoint<never>; params: never; trace: string | null };

  /** Every check that can be made before the handshake, in the order a client would fix them. */
  function admit(req: IncomingMessage, url: URL): Admitted | Refusal {
    if (closing) return { status: 503, reason: 'shutting_down', message: 'server is shutting down; reconnect shortly' };
    if (!originAllowed(req, allowedOrigins)) {
      return { status: 403, reason: 'origin', message: `origin ${req.headers.origin} is not allowed (see --allowed-origins)` };
    }
    if (sockets.size >= config.maxConnections) {
      return { status: 503, reason: 'capacity', message: `server is full (${config.maxConnections} connections); try again later` };
    }
    for (const endpoint of wsEndpoints) {
      const match = endpoint.match(url);
      if (!match) continue;
      if ('status' in match) return { status: match.status, reason: 'bad_request', message: match.reason };
      const refused = endpoint.admit?.(req);
      if (refused) return { status: refused.status, reason: refused.status === 403 ? 'origin' : 'capacity', message: refused.reason };
      const rawTrace = endpoint.traceable === false ? null : url.searchParams.get('trace');
      if (rawTrace === null) return { endpoint, params: match.params, trace: null };
      const trace = TraceId.safeParse(rawTrace);
      if (!trace.success) return { status: 400, reason: 'bad_request', message: 'trace must be 4–64 letters, digits, "-" or "_"' };
      const outage = traces.outageSecondsLeft(trace.data);
      if (outage > 0) return { status: 503, reason: 'outage', message: `simulated outage for trace ${trace.data}: ${outage} s left` };
      return { endpoint, params: match.params, trace: trace.data };
    }
    if (!lab && labPath.test(url.pathname)) return { status: 404, reason: 'not_found', message: labOff };
    return { status: 404, reason: 'not_found', message: `no WebSocket endpoint at ${url.pathname}` };
  }

  return {
    handleHttp(req, res) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (!isLivePath(url.pathname)) return false;
      if (!originAllowed(req, allowedOrigins)) {
        metrics.reject(403, 'origin');
        sendJson(res, 403, { error: 'forbidden_origin', message: `origin ${req.headers.origin} is not allowed (see --allowed-origins)` });
        return true;
      }
      // Pages on another allowed origin (a static host) may read our answers and their headers.
      if (req.headers.origin) res.setHeader('access-control-allow-origin', req.headers.origin).setHeader('vary', 'origin');
      if (feedOverHttp.handle(req, res, url)) return true;
      if (url.pathname === '/healthz') {
        sendJson(res, 200, {
          status: closing ? 'shutting-down' : 'ok',
          uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
          connections: sockets.size,
          store: { kind: store.kind, healthy: store.healthy },
        });
      } else if (url.pathname === '/metrics') {
        const storeUp: Sample = {
          name: 'duplex_store_up',
          help: 'Whether the state store answers (0: degraded, this instance serves its own clients only).',
          type: 'gauge',
          values: [{ labels: { store: store.kind }, value: store.healthy ? 1 : 0 }],
        };
        const text = renderPrometheus([...metrics.samples(), ...transportCounters.samples(), storeUp]);
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' });
        res.end(text);
      } else if (url.pathname === '/stats/transports') {
        const query = readFeedQuery(url);
        if ('error' in query) sendJson(res, 400, { error: 'bad_request', message: query.error });
        else sendJson(res, 200, { client: query.client, transports: transportCounters.snapshot(query.client) });
      } else if (!lab && (labPath.test(url.pathname) || url.pathname.startsWith('/lab/'))) {
        // A browser cannot read why its upgrade was refused: the page asks the same path over HTTP.
        sendJson(res, 404, { error: 'not_found', message: labOff });
      } else if (url.pathname.startsWith('/ws/')) {
        sendJson(res, 426, { error: 'upgrade_required', message: 'this path speaks WebSocket only' });
      } else if (url.pathname.startsWith('/lab/')) {
        sendJson(res, 426, { error: 'upgrade_required', message: 'a lab is handed WebSocket upgrades only' });
      } else {
        sendJson(res, 404, { error: 'not_found', message: `nothing at ${url.pathname}` });
      }
      return true;
    },

    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname.startsWith('/lab/')) {
        const refused = closing
          ? { status: 503, reason: 'server is shutting down; reconnect shortly' }
          : lab
            ? lab.handleUpgrade(req, url, socket, head)
            : { status: 404, reason: labOff };
        if (refused) {
          metrics.reject(refused.status, refused.status === 404 ? 'not_found' : refused.status === 403 ? 'origin' : 'capacity');
          rejectUpgrade(socket, refused.status, refused.reason);
        }
        return true;
      }
      if (!url.pathname.startsWith('/ws/')) return false;
      const admitted = admit(req, url);
      if ('status' in admitted) {
        metrics.reject(admitted.status, admitted.reason);
        rejectUpgrade(socket, admitted.status, admitted.message);
        return true;
      }
      const { endpoint, params, trace } = admitted;
      startMetering(req, socket); // before the 101 goes out, so byte counts include it
      (endpoint.compression ? deflateWss : wss).handleUpgrade(req, socket, head, (ws) => {
        const live = ws as LiveSocket;
        sockets.add(live);
        live.once('close', () => sockets.delete(live));
        const counters = metrics.endpoint(endpoint.name);
        counters.connections++;
        live.ctx = {
          counters,
          metrics,
          socket,
          // An endpoint with its own rate (the lab's owner and pipe) gets a burst of at least that.
          rateLimit: endpoint.rateLimit ?? config.rateLimit,
          rateBurst: Math.max(config.rateBurst, endpoint.rateLimit ?? 0),
          sendBuffer: config.sendBuffer,
          trace: trace === null ? null : traces.attach(trace, url.pathname, req, socket),
          // Still inside the upgrade: no byte of the connection has been read yet.
          compression: trace !== null && endpoint.compression ? tapCompression(socket) : null,
        };
        if (endpoint.heartbeatGrace !== undefined) live.heartbeatGrace = endpoint.heartbeatGrace;
        live.on('error', ignoreError);
        endpoint.open(live, req, params);
      });
      return true;
    },

    async close() {
      closing = true;
      stopHeartbeat();
      feed.stop();
      feedOverHttp.close();
      // First, so the other instances stop relaying here before our clients reconnect to them.
      await workshop.retire();
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
      await Promise.all([wss, deflateWss].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
      workshop.suspend();
      await store.close();
    },
  };
}
