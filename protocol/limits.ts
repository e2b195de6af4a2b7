/**
 * The server's default limits, shared so the browser can say them in words ("the server accepts
 * at most 64 KiB") without asking. A server started with other values says so in its close reason
 * where `ws` lets it (the rate limit); the size limit close (1009) carries no reason.
 */
export const defaultLimits = {
  /** Largest message in bytes; bigger ones close with 1009. */
  maxPayload: 64 * 1024,
  /** Messages per second one connection may send; more closes with 1008. */
  rateLimit: 100,
} as const;
