import type { Options } from 'partysocket/ws';

/**
 * Backoff pinned explicitly: partysocket's README defaults drifted from its code, and the
 * lessons quote these numbers. Retry after 0.5 s, ×1.5 each time, at most 8 s.
 */
export const socketDefaults = {
  minReconnectionDelay: 500,
  maxReconnectionDelay: 8000,
  reconnectionDelayGrowFactor: 1.5,
  minUptime: 5000,
  connectionTimeout: 4000,
  maxRetries: Number.POSITIVE_INFINITY,
  maxEnqueuedMessages: 100,
} satisfies Options;

export type SocketOptions = Pick<Options, keyof typeof socketDefaults>;

/**
 * The wait before retry number `retryCount` (1 = the first retry), as partysocket computes it:
 * min × grow^(n−1), capped at max. We need it to show the countdown, which partysocket keeps private.
 */
export function retryDelay(retryCount: number, options: SocketOptions): number {
  if (retryCount <= 0) return 0;
  const delay = (options.minReconnectionDelay ?? 0) * (options.reconnectionDelayGrowFactor ?? 1) ** (retryCount - 1);
  return Math.min(delay, options.maxReconnectionDelay ?? delay);
}
