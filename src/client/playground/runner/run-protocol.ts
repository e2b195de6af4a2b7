import * as z from 'zod/mini';
import type { InspectEvent } from '../../../../protocol/inspect.ts';
import { LabRunEvent } from '../../lab/lab-run-event.ts';

/**
 * Messages between the page and the run worker. The worker runs code the learner typed,
 * so the page validates everything it receives from it before drawing anything.
 *
 * One vocabulary on the browser side: `payloadBytes` is a message's size without the frame
 * header; which way a frame goes is the socket event (`send` goes up, `message` comes down),
 * and traffic/direction.ts maps that and the wire's `in`/`out` to up/down in one place.
 */
export const Language = z.enum(['javascript', 'typescript']);
export type Language = z.infer<typeof Language>;

export const RunRequest = z.object({
  type: z.literal('run'),
  code: z.string(),
  /** TypeScript is transpiled inside the worker before it runs. */
  language: z.optional(Language),
  /** Origin of the playground server, e.g. "http://localhost:4321". */
  server: z.string(),
  /**
   * Prefix of this run's trace ids: each socket is opened with `?trace=<run>-<n>` once the page
   * watches that trace on `/ws/inspect`. Absent: no server view.
   */
  run: z.optional(z.string()),
});
export type RunRequest = z.infer<typeof RunRequest>;

/** The trace of socket `socket` of run `run`: the worker opens it, the page watches it. */
export const traceId = (run: string, socket: number) => `${run}-${socket}`;

/** Page → worker: the page now watches socket n's trace (or gave up trying), so it may open. */
export const WatchReady = z.object({ type: z.literal('watching'), socket: z.number() });
export type WatchReady = z.infer<typeof WatchReady>;

export const WorkerInbox = z.discriminatedUnion('type', [RunRequest, WatchReady]);

const at = z.number(); // performance.timeOrigin-based milliseconds, comparable across worker and page

const dataFrame = {
  binary: z.boolean(),
  /** Bytes of the payload (the wire adds a 2–14 byte header). */
  payloadBytes: z.number(),
  /** Cut as the server cuts its own (protocol/preview.ts). */
  preview: z.string(),
  /** The whole payload (text, or hex for binary), cut at 64 KiB, for the expanded view. */
  payload: z.optional(z.string()),
};

export const SocketEvent = z.discriminatedUnion('event', [
  /** Each attempt to open (1 = first, then one per reconnect). */
  z.object({
    type: z.literal('socket'),
    socket: z.number(),
    at,
    event: z.literal('connecting'),
    url: z.string(),
    attempt: z.optional(z.number()),
  }),
  z.object({ type: z.literal('socket'), socket: z.number(), at, event: z.literal('open') }),
  z.object({
    type: z.literal('socket'),
    socket: z.number(),
    at,
    event: z.literal('send'),
    ...dataFrame,
    /** A send made while the socket is not open waits in partysocket's queue. */
    queued: z.optional(z.boolean()),
    /** `readyState` and `bufferedAmount` at the moment of the send, before this message joined the buffer. */
    readyState: z.optional(z.number()),
    bufferedAmount: z.optional(z.number()),
    /** Which API the learner used: `connect()` (partysocket) or the platform's own `WebSocket`. */
    api: z.optional(z.enum(['connect', 'websocket'])),
    /** The queue was full (maxEnqueuedMessages): this message is lost. */
    dropped: z.optional(z.boolean()),
  }),
  z.object({ type: z.literal('socket'), socket: z.number(), at, event: z.literal('message'), ...dataFrame }),
  z.object({
    type: z.literal('socket'),
    socket: z.number(),
    at,
    event: z.literal('close'),
    code: z.number(),
    reason: z.string(),
    wasClean: z.boolean(),
    /** Milliseconds until partysocket tries again; absent when it will not. */
    retryInMs: z.optional(z.number()),
    /** Who ended it: the learner's code, the server (a close frame), or the network (no close frame). */
    by: z.optional(z.enum(['client', 'server', 'network'])),
  }),
]);
export type SocketEvent = z.infer<typeof SocketEvent>;

/**
 * One HTTP exchange the learner's code made (`fetch`, or an `EventSource` connecting): what was
 * asked, when, and what came back, so a check judges the requests made, not the lines logged.
 */
export const HttpEvent = z.object({
  type: z.literal('http'),
  api: z.enum(['fetch', 'eventsource']),
  method: z.string(),
  url: z.string(),
  startedAt: at,
  /** When the answer (or the failure) arrived. */
  at,
  status: z.optional(z.number()),
  /** A network failure: no status. */
  error: z.optional(z.string()),
  /** The start of a text body (a feed answer, a health report), for checks that need what the server said. */
  body: z.optional(z.string()),
});
export type HttpEvent = z.infer<typeof HttpEvent>;

/** Inputs made for this run, so an answer that can be looked up elsewhere cannot pass. */
const StartedEvent = z.object({ type: z.literal('started'), at, sampleKey: z.string() });

const ConsoleEvent = z.object({ type: z.literal('console'), level: z.enum(['log', 'info', 'warn', 'error']), text: z.string(), at });
const FinishedEvent = z.object({ type: z.literal('finished'), at });
/** The code threw or did not parse; `line`/`column` (1-based) point into the learner's code when known. */
const FailedEvent = z.object({ type: z.literal('failed'), message: z.string(), line: z.optional(z.number()), column: z.optional(z.number()), at });

/** Worker → page: socket n of the run wants to open; it waits until the page answers WatchReady. */
export const WatchRequest = z.object({ type: z.literal('watch'), socket: z.number() });
export type WatchRequest = z.infer<typeof WatchRequest>;

/** Worker → page: socket messages and sends coalesced (see batcher.ts); each is a SocketEvent. */
export const SocketBatch = z.object({ type: z.literal('batch'), events: z.array(SocketEvent) });
export type SocketBatch = z.infer<typeof SocketBatch>;

// Discriminated on `type` (SocketEvent is itself discriminated on `event`): at hundreds of
// events a second the page picks the right schema at once instead of trying each in turn.
export const WorkerMessage = z.discriminatedUnion('type', [
  ConsoleEvent,
  FinishedEvent,
  FailedEvent,
  SocketEvent,
  HttpEvent,
  StartedEvent,
  WatchRequest,
  SocketBatch,
  /** What the lab of a `serve()` run carried (see src/client/lab/). */
  LabRunEvent,
]);
export type WorkerMessage = z.infer<typeof WorkerMessage>;

/** The server's view of one socket of the run: an InspectEvent the page got on that socket's trace. */
export interface InspectRunEvent {
  type: 'inspect';
  socket: number;
  at: number;
  event: InspectEvent;
}

/** Everything a run reports: the worker's view of the learner's code and sockets, and the server's. */
export type RunEvent = Exclude<WorkerMessage, WatchRequest | SocketBatch> | InspectRunEvent;
