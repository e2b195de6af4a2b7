import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventFeed } from '../feed.ts';
import { readFeedQuery, type FeedQuery } from '../feed-query.ts';
import { sendJson } from '../http-reply.ts';
import type { FeedEvent, PollResponse, Transport } from '../../protocol/feed.ts';
import type { TransportCounters } from '../transport-stats.ts';
import { startMetering, takeMetered } from '../wire-meter.ts';

export interface FeedHttp {
  /** Handles `/poll/events`, `/poll/long` and `/sse/events`; false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): boolean;
  /** Shutdown: held long polls are answered at once and event streams end. */
  close(): void;
}

const routes: Record<string, Transport> = { '/poll/events': 'short-poll', '/poll/long': 'long-poll', '/sse/events': 'sse' };

/** The feed over plain HTTP: short polling, long polling and Server-Sent Events, each metered. */
export function feedHttp(
  feed: EventFeed,
  counters: TransportCounters,
  limits: { longPollTimeoutMs: number; maxHeld: number },
): FeedHttp {
  /** Held long polls and open event streams: each ends early on shutdown. */
  const closers = new Set<() => void>();

  /** Counts the request and, when the response is done, the bytes that went out. */
  function meter(req: IncomingMessage, res: ServerResponse, transport: Transport, client: string | null): void {
    const seen = counters.snapshot(client).find((row) => row.transport === transport)!;
    const headBytes = startMetering(req, req.socket);
    counters.add(transport, client, { requests: 1, bytesIn: headBytes });
    // Totals before this response, readable by a page (fetch) without a second request.
    res.setHeader('x-duplex-request-bytes', headBytes);
    res.setHeader('x-duplex-transport-totals', `requests=${seen.requests}; delivered=${seen.delivered}; bytes-in=${seen.bytesIn}; bytes-out=${seen.bytesOut}`);
    res.setHeader('access-control-expose-headers', 'x-duplex-request-bytes, x-duplex-transport-totals');
    res.once('finish', () => counters.add(transport, client, { bytesOut: takeMetered(req.socket).bytesOut }));
  }

  function answerPoll(res: ServerResponse, transport: Transport, client: string | null, events: FeedEvent[], close = false): void {
    const body: PollResponse = { events, latestSeq: feed.latestSeq };
    counters.add(transport, client, { delivered: events.length });
    if (close) res.setHeader('connection', 'close');
    sendJson(res, 200, body);
  }

  function longPoll(res: ServerResponse, { since, client }: FeedQuery): void {
    const after = since ?? feed.latestSeq;
    const waiting = feed.since(after);
    if (waiting.length) return answerPoll(res, 'long-poll', client, waiting);
    const done = (events: FeedEvent[], close = false) => {
      cleanup();
      answerPoll(res, 'long-poll', client, events, close);
    };
    // Held until an event after `since`: a `since` ahead of the feed (a server that restarted
    // and counts from 0 again) waits, and the timeout's `latestSeq` tells the client where to start.
    const unsubscribe = feed.subscribe((event) => {
      if (event.seq > after) done([event]);
    });
    const timer = setTimeout(() => done([]), limits.longPollTimeoutMs);
    const closer = () => done([], true);
    const cleanup = () => {
      unsubscribe();
      clearTimeout(timer);
      closers.delete(closer);
    };
    closers.add(closer);
    res.once('close', cleanup); // answered, or the client gave up: either way stop waiting
  }

  function eventStream(req: IncomingMessage, res: ServerResponse, { since, client }: FeedQuery): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
    const write = (text: string, delivered: number) => {
      res.write(text);
      counters.add('sse', client, { delivered, bytesOut: takeMetered(req.socket).bytesOut });
    };
    // `retry:` tells EventSource how soon to reconnect; `id:` is what it sends back as Last-Event-ID.
    write('retry: 1000\n\n', 0);
    const send = (event: FeedEvent) => write(`id: ${event.seq}\ndata: ${JSON.stringify(event)}\n\n`, 1);
    if (since !== null) feed.since(since).forEach(send);
    const unsubscribe = feed.subscribe(send);
    const closer = () => res.end();
    closers.add(closer);
    res.once('close', () => {
      unsubscribe();
      closers.delete(closer);
    });
  }

  return {
    handle(req, res, url) {
      const transport = routes[url.pathname];
      if (!transport) return false;
      const lastEventId = transport === 'sse' ? req.headers['last-event-id'] : undefined;
      const query = readFeedQuery(url, typeof lastEventId === 'string' ? lastEventId : undefined);
      if ('error' in query) {
        sendJson(res, 400, { error: 'bad_request', message: query.error });
        return true;
      }
      // Held requests cost memory like sockets do, so they get the same cap.
      if (transport !== 'short-poll' && closers.size >= limits.maxHeld) {
        sendJson(res, 503, { error: 'server_full', message: `server is full (${limits.maxHeld} held requests); try again later` });
        return true;
      }
      meter(req, res, transport, query.client);
      if (transport === 'short-poll') answerPoll(res, transport, query.client, query.since === null ? [] : feed.since(query.since));
      else if (transport === 'long-poll') longPoll(res, query);
      else eventStream(req, res, query);
      return true;
    },
    close() {
      for (const closer of [...closers]) closer();
    },
  };
}
