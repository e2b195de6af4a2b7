import * as z from 'zod/mini';
import { ErrorMessage } from './errors.ts';

/**
 * `WS /ws/inspect?trace=<id>`: the server's own view of every connection opened with the same
 * `?trace=<id>`, including the control frames (ping, pong, close) the browser API hides.
 * Shared by the server (which emits) and the browser (which validates and draws): one definition.
 * Uses zod/mini because the browser bundles it.
 */

/** Trace ids are chosen by the browser: short, URL-safe. */
export const TraceId = z.string().check(z.regex(/^[A-Za-z0-9_-]{4,64}$/, 'trace must be 4–64 letters, digits, "-" or "_"'));

export const Opcode = z.enum(['text', 'binary', 'ping', 'pong', 'close']);
export type Opcode = z.infer<typeof Opcode>;

const base = {
  /** Server-side connection number within this trace, from 1 in the order they were opened. */
  connection: z.number(),
  /** Which endpoint the traced connection talks to, e.g. "/ws/echo". */
  path: z.string(),
  /** Server clock, milliseconds since the epoch (with fractions). */
  at: z.number(),
};

export const FaultName = z.enum(['drop', 'outage', 'blackhole', 'latency']);
export type FaultName = z.infer<typeof FaultName>;

export const InspectEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('handshake'),
    ...base,
    /** The request line and headers exactly as the server received them. */
    method: z.string(),
    url: z.string(),
    httpVersion: z.string(),
    headers: z.array(z.tuple([z.string(), z.string()])),
    /** The Sec-WebSocket-Accept the server answered with. */
    accept: z.string(),
  }),
  z.object({
    type: z.literal('frame'),
    ...base,
    /** in: client→server (received by the server); out: server→client (sent by the server). */
    direction: z.enum(['in', 'out']),
    opcode: Opcode,
    payloadBytes: z.number(),
    /** Payload as it crossed the wire (compressed, if it was) plus frame header (and the 4-byte mask on client frames). */
    wireBytes: z.number(),
    /**
     * Present only when the message crossed the wire compressed (permessage-deflate, RSV1 set,
     * RFC 7692): the bytes of its payload as sent; `payloadBytes` is its size once inflated.
     */
    compressedBytes: z.optional(z.number()),
    /** Up to 120 characters of text, or the first 32 bytes as hex (see preview.ts). */
    preview: z.string(),
    code: z.optional(z.number()),
    reason: z.optional(z.string()),
  }),
  z.object({ type: z.literal('closed'), ...base, code: z.number(), reason: z.string() }),
  /**
   * Confirms a fault was applied (see InspectCommand). It concerns the whole trace, so
   * `connection` is 0 and `path` is "/ws/inspect"; `connections` says how many were dropped.
   */
  z.object({
    type: z.literal('fault'),
    ...base,
    fault: FaultName,
    connections: z.optional(z.number()),
    seconds: z.optional(z.number()),
    ms: z.optional(z.number()),
  }),
  ErrorMessage,
]);
export type InspectEvent = z.infer<typeof InspectEvent>;

/**
 * Faults on demand, sent by the browser on its inspect socket. They affect only the
 * connections of this trace, never other users of the server (a workshop shares it).
 */
export const InspectCommand = z.discriminatedUnion('type', [
  /** Destroy the TCP sockets of this trace's connections: no close frame, the client sees 1006. */
  z.object({ type: z.literal('drop') }),
  /**
   * Silence this trace's open connections both ways with no close frame and no TCP close: a
   * half-open link. Only heartbeats find it: the server's ping goes unanswered and it drops the
   * peer; a client that expects answers (an application heartbeat) gives up and reconnects.
   * New connections are not affected (as when a NAT forgot one flow).
   */
  z.object({ type: z.literal('blackhole') }),
  /** Drop, then refuse this trace's upgrades with 503 for `seconds`. */
  z.object({ type: z.literal('outage'), seconds: z.number().check(z.minimum(1), z.maximum(60)) }),
  /** Delay every server→client message of this trace by `ms` (0 removes it). */
  z.object({ type: z.literal('latency'), ms: z.number().check(z.minimum(0), z.maximum(5000)) }),
]);
export type InspectCommand = z.infer<typeof InspectCommand>;
