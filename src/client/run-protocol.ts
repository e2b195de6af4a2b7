import * as z from 'zod/mini';

/**
 * Messages between the page and the run worker. The worker runs code the learner typed,
 * so the page validates everything it receives from it before drawing anything.
 */
export const RunRequest = z.object({
  type: z.literal('run'),
  code: z.string(),
  /** Origin of the playground server, e.g. "http://localhost:4321". */
  server: z.string(),
});
export type RunRequest = z.infer<typeof RunRequest>;

const at = z.number(); // performance.timeOrigin-based milliseconds, comparable across worker and page

export const SocketEvent = z.discriminatedUnion('event', [
  z.object({ type: z.literal('socket'), socket: z.number(), at, event: z.literal('connecting'), url: z.string() }),
  z.object({ type: z.literal('socket'), socket: z.number(), at, event: z.literal('open') }),
  z.object({
    type: z.literal('socket'),
    socket: z.number(),
    at,
    event: z.enum(['send', 'message']),
    binary: z.boolean(),
    bytes: z.number(),
    preview: z.string(),
    /** A send made while the socket is not open waits in partysocket's queue. */
    queued: z.optional(z.boolean()),
  }),
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
  z.object({ type: z.literal('socket'), socket: z.number(), at, event: z.literal('error'), message: z.string() }),
]);
export type SocketEvent = z.infer<typeof SocketEvent>;

export const RunEvent = z.union([
  z.object({ type: z.literal('console'), level: z.enum(['log', 'info', 'warn', 'error']), text: z.string(), at }),
  z.object({ type: z.literal('finished'), at }),
  z.object({ type: z.literal('failed'), message: z.string(), at }),
  SocketEvent,
]);
export type RunEvent = z.infer<typeof RunEvent>;
