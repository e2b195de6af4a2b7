import * as z from 'zod/mini';

/**
 * What a run reports of its lab (worker → page): the wire as the tunnel carried it, never the
 * learner's own account of it. The page validates these like every other worker message.
 */
const at = z.number();
const connection = z.number();

export const LabRunEvent = z.discriminatedUnion('event', [
  /** The lab exists; browsers reach it at `url` (`ws://…/lab/<id>`). */
  z.object({ type: z.literal('lab'), at, event: z.literal('ready'), path: z.string(), url: z.string() }),
  z.object({ type: z.literal('lab'), at, event: z.literal('open'), connection }),
  /** in: from the browser to the learner's server; out: what the learner's server wrote. */
  z.object({ type: z.literal('lab'), at, event: z.literal('bytes'), connection, direction: z.enum(['in', 'out']), bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array) }),
  z.object({ type: z.literal('lab'), at, event: z.literal('closed'), connection, reason: z.string(), message: z.string() }),
  /** A refusal or error the server sent about the lab, or the lab link closing. */
  z.object({ type: z.literal('lab'), at, event: z.literal('notice'), message: z.string() }),
]);
export type LabRunEvent = z.infer<typeof LabRunEvent>;

/** The same, as `serve()` reports it before the worker stamps it. */
export type LabReport = LabRunEvent extends infer E ? (E extends LabRunEvent ? Omit<E, 'type' | 'at'> : never) : never;
