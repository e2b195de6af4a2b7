import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Config } from '../config.ts';
import { rebuildRequestHead } from '../handshake.ts';
import { originAllowed } from '../origin-policy.ts';
import type { UpgradeRefusal, WsEndpoint } from '../endpoints/types.ts';
import { Labs } from './labs.ts';
import { pipeStream } from './lab-pipe.ts';
import { CloseCode } from '../../protocol/close-codes.ts';

/**
 * A lab is a page's own page: unlike the other endpoints, localhost origins and clients with no
 * Origin are not enough. Only the site itself (Origin host = Host) or an origin the operator
 * listed may open one, so another site cannot run a server in the learner's name.
 */
function sameSite(req: IncomingMessage, allowedOrigins: readonly string[]): UpgradeRefusal | null {
  const origin = req.headers.origin;
  if (origin === undefined) return { status: 403, reason: 'a lab opens only from a page of this site (no Origin header was sent)' };
  if (allowedOrigins.includes(origin)) return null;
  let host = '';
  try {
    host = new URL(origin).host;
  } catch {
    // A malformed Origin is simply not this site.
  }
  return host !== '' && host === req.headers.host ? null : { status: 403, reason: `a lab opens only from a page of this site, not from ${origin}` };
}

/**
 * Heartbeat intervals a lab's owner or pipe may leave a ping unanswered. A browser reads a
 * socket only as fast as its page or worker takes the messages, so a ping queued behind a
 * 4 MiB message to a learner's busy server waits for all of it: alive, only slow. A closed
 * page still ends its lab at once (TCP closes); only a half-open owner waits out the grace.
 */
const labHeartbeatGrace = 10;

/**
 * The lab tunnel: `WS /ws/lab` opens a lab owned by that socket, and every upgrade to
 * `/lab/<id>…` is handed to the owner raw (request head, then TCP bytes), never to `ws`.
 */
export function createLabTunnel(config: Config) {
  const labs = new Labs(config.lab, config.maxPayload, config.sendBuffer);

  const ownerEndpoint: WsEndpoint<null> = {
    name: 'lab',
    // The owner channel carries raw bytes; tracing it would show the tunnel, not the lesson.
    traceable: false,
    match: (url) => (url.pathname === '/ws/lab' ? { params: null } : null),
    admit: (req) => sameSite(req, config.allowedOrigins) ?? labs.refuseOwner(req.headers.origin ?? ''),
    // Many small frames (a room relaying to 8 peers) are normal here; bytes are what is limited.
    rateLimit: config.lab.ownerMessagesPerSecond,
    heartbeatGrace: labHeartbeatGrace,
    open: (ws, req) => labs.open(ws, req.headers.origin ?? ''),
  };

  /** Refuses the upgrade (status and reason) or hands the socket to the lab's owner. */
  function handleUpgrade(req: IncomingMessage, url: URL, socket: Duplex, head: Buffer): UpgradeRefusal | null {
    if (!originAllowed(req, config.allowedOrigins)) {
      return { status: 403, reason: `origin ${req.headers.origin} is not allowed (see --allowed-origins)` };
    }
    const lab = labs.find(url.pathname);
    if ('status' in lab) return lab;
    const refused = labs.refuseConnection(lab);
    if (refused) return refused;
    labs.connect(lab, req.socket.remoteAddress ?? '', socket, rebuildRequestHead(req), head);
    return null;
  }

  /** `WS /ws/lab-pipe/<id>`: raw bytes to a lab over a WebSocket, for a page (no request head: the page writes its own). */
  const pipeEndpoint: WsEndpoint<null> = {
    name: 'lab-pipe',
    traceable: false,
    match(url) {
      if (!url.pathname.startsWith('/ws/lab-pipe/')) return null;
      const lab = labs.find(url.pathname);
      if ('status' in lab) return lab;
      return labs.refuseConnection(lab) ?? { params: null };
    },
    admit: (req) => sameSite(req, config.allowedOrigins),
    rateLimit: config.lab.ownerMessagesPerSecond,
    heartbeatGrace: labHeartbeatGrace,
    open(ws, req, _params) {
      const lab = labs.find(new URL(req.url ?? '/', 'http://localhost').pathname);
      if ('status' in lab) return ws.close(CloseCode.normal, 'the lab ended');
      labs.connect(lab, req.socket.remoteAddress ?? '', pipeStream(ws), Buffer.alloc(0), Buffer.alloc(0));
    },
  };

  return { ownerEndpoint, pipeEndpoint, handleUpgrade };
}
