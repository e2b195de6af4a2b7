import * as z from 'zod/mini';

/** Codes a close frame may carry (RFC 6455 §7.4): `ws` throws on any other. */
const SendableCode = z.number().check(z.refine((code) => (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999)));

/**
 * What two instances say about one workshop connection when the room lives on one of them (its
 * owner) and the socket landed on the other (the edge). Read back from Redis, so validated.
 * `conn` names the connection: the edge's instance name and a counter, unique in the cluster.
 */
export const RelayMessage = z.discriminatedUnion('t', [
  /** Edge → owner: a socket for room `code` arrived here; `lan`/`address` are what the edge saw. */
  z.object({ t: z.literal('open'), conn: z.string(), from: z.string(), code: z.string(), lan: z.array(z.string()), address: z.string() }),
  /** Edge → owner: one message from the client (binary as base64), with the edge's last round trip. */
  z.object({ t: z.literal('in'), conn: z.string(), data: z.string(), binary: z.boolean(), rtt: z.nullable(z.number()) }),
  /** Edge → owner: the client's socket closed. */
  z.object({ t: z.literal('gone'), conn: z.string() }),
  /** Owner → edge: one message for the client. */
  z.object({ t: z.literal('out'), conn: z.string(), data: z.string() }),
  /** Owner → edge: close the client's socket with this code and reason. */
  z.object({ t: z.literal('close'), conn: z.string(), code: SendableCode, reason: z.string() }),
]);
export type RelayMessage = z.infer<typeof RelayMessage>;
