import type { Transport } from '../../../protocol/feed.ts';

/** One delivery seen by the page: which event, over which transport, how late. */
export interface Delivery {
  transport: Transport;
  seq: number;
  /** Receive time minus the server's publish time, ms (clocks assumed in agreement; floored at 0). */
  latencyMs: number;
}

export function latencyOf(publishedAt: number, receivedAt: number): number {
  return Math.max(0, receivedAt - publishedAt);
}

export interface LatencySummary {
  count: number;
  medianMs: number | null;
  maxMs: number | null;
}

export function summarize(deliveries: readonly Delivery[], transport: Transport): LatencySummary {
  const sorted = deliveries
    .filter((delivery) => delivery.transport === transport)
    .map((delivery) => delivery.latencyMs)
    .sort((a, b) => a - b);
  if (sorted.length === 0) return { count: 0, medianMs: null, maxMs: null };
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { count: sorted.length, medianMs: median, maxMs: sorted.at(-1)! };
}
