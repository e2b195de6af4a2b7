import type { EventFeed } from '../feed.ts';
import { readFeedQuery, type FeedQuery } from '../feed-query.ts';
import type { FeedEvent } from '../../protocol/feed.ts';
import { requestHeadBytes } from '../handshake.ts';
import type { TransportCounters } from '../transport-stats.ts';
import { takeMetered } from '../wire-meter.ts';
import type { WsEndpoint } from './types.ts';

/** Each event is serialized once, however many sockets receive it. */
const json = new WeakMap<FeedEvent, string>();
const serialize = (event: FeedEvent) => json.get(event) ?? (json.set(event, JSON.stringify(event)), json.get(event)!);

/**
 * `WS /ws/events?since=<seq>&client=<id>`: the feed over a WebSocket, one JSON FeedEvent per
 * message. Client messages are not part of this protocol and are ignored (limits still apply).
 */
export function eventsEndpoint(feed: EventFeed, counters: TransportCounters): WsEndpoint<FeedQuery> {
  return {
    name: 'events',
    match(url) {
      if (url.pathname !== '/ws/events') return null;
      const query = readFeedQuery(url);
      return 'error' in query ? { status: 400, reason: query.error } : { params: query };
    },
    open(ws, req, { since, client }) {
      const socket = ws.ctx!.socket;
      // The upgrade was metered from before the 101 went out (see live-endpoints).
      counters.add('websocket', client, { requests: 1, bytesIn: requestHeadBytes(req) });
      const send = (event: FeedEvent) => {
        ws.send(serialize(event));
        counters.add('websocket', client, { delivered: 1, ...takeMetered(socket) });
      };
      if (since !== null) feed.since(since).forEach(send);
      counters.add('websocket', client, takeMetered(socket));
      const unsubscribe = feed.subscribe(send);
      ws.on('close', () => {
        unsubscribe();
        counters.add('websocket', client, takeMetered(socket));
      });
    },
  };
}
