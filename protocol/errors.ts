import * as z from 'zod/mini';

/**
 * Error codes of `{type:"error", code, message}` messages on the JSON endpoints (chat,
 * inspect). The connection stays open after every one of them: the client may try again.
 */
export const ErrorCode = z.enum([
  /** The text frame was not JSON. */
  'bad_json',
  /** JSON, but not a message this endpoint understands; `message` names the field. */
  'bad_message',
  /** A binary frame on an endpoint that speaks JSON text. */
  'binary_not_supported',
  /** `?since=` asked for messages older than the history kept; the replay starts at the oldest kept. */
  'history_truncated',
  /** Lab owner: a binary frame named a connection that is not (or no longer) open in this lab. */
  'unknown_connection',
  /** `/ws/rpc`: too many requests are waiting for an answer on this socket; wait for some first. */
  'too_many_pending',
  /** `?epoch=` named another epoch: the log was lost and started over; the replay is everything kept now. */
  'history_reset',
  /** The server could not keep the message (its state store is unreachable); nothing was sent. Try again. */
  'unavailable',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorMessage = z.object({ type: z.literal('error'), code: ErrorCode, message: z.string() });
export type ErrorMessage = z.infer<typeof ErrorMessage>;

/**
 * The body of every 4xx/5xx the live endpoints answer over HTTP (`error` is a short word such as
 * `not_found`, `message` says what to do). A refused WebSocket upgrade carries the same body,
 * which a browser cannot read: a page that wants the reason asks the same path over HTTP.
 */
export const HttpRefusal = z.object({ error: z.string(), message: z.string() });
export type HttpRefusal = z.infer<typeof HttpRefusal>;
