import * as z from 'zod/mini';

/**
 * The one event feed behind `/poll/events`, `/poll/long`, `/sse/events` and `/ws/events`:
 * the same events, numbered by `seq`, so the four transports can be raced fairly.
 */
export const FeedEvent = z.object({
  seq: z.number(),
  /** Server clock when the event was published, ms since the epoch. */
  at: z.number(),
  /** A small payload, e.g. a price tick. */
  data: z.string(),
});
export type FeedEvent = z.infer<typeof FeedEvent>;

export const Transport = z.enum(['short-poll', 'long-poll', 'sse', 'websocket']);
export type Transport = z.infer<typeof Transport>;

/** Bytes and requests the server counted per transport, headers and framing included. */
export const TransportStats = z.object({
  transport: Transport,
  requests: z.number(),
  /** Events delivered to clients over this transport. */
  delivered: z.number(),
  /** Bytes received from clients: request lines, headers, WebSocket frames. */
  bytesIn: z.number(),
  /** Bytes sent to clients: status lines, headers, bodies, SSE fields, WebSocket frames. */
  bytesOut: z.number(),
});
export type TransportStats = z.infer<typeof TransportStats>;

/** Body of `GET /poll/events` and `GET /poll/long`. */
export const PollResponse = z.object({ events: z.array(FeedEvent), latestSeq: z.number() });
export type PollResponse = z.infer<typeof PollResponse>;

/** `?client=<id>`: a tag a page puts on its requests so it can read back its own byte counts. */
export const ClientId = z.string().check(z.regex(/^[A-Za-z0-9_-]{4,64}$/, 'client must be 4–64 letters, digits, "-" or "_"'));

/** Body of `GET /stats/transports[?client=<id>]`: one entry per transport, in a fixed order. */
export const TransportStatsResponse = z.object({
  /** The client tag asked for, or null for the whole server. */
  client: z.nullable(z.string()),
  transports: z.array(TransportStats),
});
export type TransportStatsResponse = z.infer<typeof TransportStatsResponse>;
