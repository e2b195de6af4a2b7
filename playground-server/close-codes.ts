/**
 * Every close code this server sends, in one place (RFC 6455 §7.4 plus our 4xxx range).
 * Lessons and tests refer to these names, so a change here is a wire-contract change.
 */
export const CloseCode = {
  /** The conversation is over; both sides agreed. */
  normal: 1000,
  /** The server is shutting down or restarting: reconnect to the next process. */
  goingAway: 1001,
  /** A text frame carried bytes that are not valid UTF-8. */
  invalidPayload: 1007,
  /** The peer broke a rule (rate limit, forbidden action). */
  policyViolation: 1008,
  /** A message was larger than the server accepts. */
  messageTooBig: 1009,
  /** The server hit an unexpected condition. */
  internalError: 1011,
} as const;

export type CloseCodeName = keyof typeof CloseCode;
