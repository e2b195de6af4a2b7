/**
 * Every close code this server sends, in one place (RFC 6455 §7.4 plus our 4xxx range).
 * Lessons and tests refer to these names, so a change here is a wire-contract change.
 */
export const CloseCode = {
  /** The conversation is over; both sides agreed. */
  normal: 1000,
  /** The server is shutting down or restarting: reconnect to the next process. */
  goingAway: 1001,
  /** A kind of data the endpoint does not take (text on the binary-only lab pipe). */
  unsupportedData: 1003,
  /** A text frame carried bytes that are not valid UTF-8. */
  invalidPayload: 1007,
  /** The peer broke a rule (rate limit, forbidden action). */
  policyViolation: 1008,
  /** A message was larger than the server accepts. */
  messageTooBig: 1009,
  /** The server hit an unexpected condition. */
  internalError: 1011,
  /** The shared store lost its data (a Redis restart): reconnect; the welcome's new epoch says start over. */
  serviceRestart: 1012,
  /** The instance that serves this workshop room cannot be reached (a Redis outage): reconnect in a moment. */
  tryAgainLater: 1013,
} as const;

/** Codes the course's browser socket sends (src/client/duplex-socket.ts), 4000–4999 per RFC 6455. */
export const ClientCloseCode = {
  /** The application heartbeat got no answer: the link is presumed dead and the client reconnects. */
  noAnswer: 4000,
} as const;

/**
 * Codes a close *event* reports but no endpoint may put in a close frame (RFC 6455 §7.4.1):
 * the browser and `ws` make them up locally to say what happened.
 */
export const ReportedCloseCode = {
  /** A close frame came without a status code. */
  noStatus: 1005,
  /** The connection ended without any close frame: a dropped link, a refused or timed-out connect. */
  abnormal: 1006,
} as const;
