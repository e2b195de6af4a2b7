import * as z from 'zod/mini';
import { InspectCommand, InspectEvent } from '../../protocol/inspect.ts';
import { LabRunEvent } from './lab/lab-run-event.ts';

/**
 * Messages between the page and the run worker. The worker runs code the learner typed,
 * so the page validates everything it receives from it before drawing anything.
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
   * Prefix of this run's trace ids: each socket is opened with `?trace=<run>-<n>` and watched
   * through `/ws/inspect`. Absent: no server view (e.g. a server without the inspect endpoint).
   */
  run: z.optional(z.string()),
});
export type RunRequest = z.infer<typeof RunRequest>;

/** Page → worker while a run is going: a fault for every traced connection of the run. */
export const FaultRequest = z.object({ type: z.literal('fault'), command: InspectCommand });
export type FaultRequest = z.infer<typeof FaultRequest>;

export const WorkerInbox = z.discriminatedUnion('type', [RunRequest, FaultRequest]);

const at = z.number(); // performance.timeOrigin-based milliseconds, comparable across worker and page

const dataFrame = {
  binary: z.boolean(),
  /** Payload bytes (the wire adds a 2–14 byte header). */
  bytes: z.number(),
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
  }),
]);
export type SocketEvent = z.infer<typeof SocketEvent>;

/** The server's view of one socket of the run, relayed from `/ws/inspect`. */
export const InspectRunEvent = z.object({ type: z.literal('inspect'), socket: z.number(), at, event: InspectEvent });
export type InspectRunEvent = z.infer<typeof InspectRunEvent>;

// Discriminated on `type` (SocketEvent is itself discriminated on `event`): at hundreds of
// events a second the page picks the right schema at once instead of trying each in turn.
export const RunEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('console'), level: z.enum(['log', 'info', 'warn', 'error']), text: z.string(), at }),
  z.object({ type: z.literal('finished'), at }),
  z.object({ type: z.literal('failed'), message: z.string(), at }),
  SocketEvent,
  InspectRunEvent,
  /** What the lab of a `serve()` run carried (see lab/). */
  LabRunEvent,
]);
export type RunEvent = z.infer<typeof RunEvent>;
