import type { FeedEvent } from '../protocol/feed.ts';

/**
 * The one event source behind all four transports, so they race on identical events.
 * The default publishes on a timer in memory; a backplane could feed the same interface
 * from elsewhere (a message bus) without touching the transports.
 */
export interface EventFeed {
  readonly latestSeq: number;
  /** Kept events with seq greater than `seq`, oldest first. */
  since(seq: number): FeedEvent[];
  /** Calls `listener` with every new event; returns the unsubscribe function. */
  subscribe(listener: (event: FeedEvent) => void): () => void;
  stop(): void;
}

/** Events kept for `?since=` and Last-Event-ID: minutes of history at the default rate. */
const KEEP = 1000;

/** A made-up share price taking a random walk: small, changing, easy to read in a lesson. */
function nextPrice(price: number): number {
  return Math.max(1, Math.round((price + (Math.random() - 0.5) * 2) * 100) / 100);
}

export function memoryFeed(intervalMs: number): EventFeed {
  const events: FeedEvent[] = [];
  const listeners = new Set<(event: FeedEvent) => void>();
  let seq = 0;
  let price = 100;
  const timer = setInterval(() => {
    price = nextPrice(price);
    const event: FeedEvent = { seq: ++seq, at: Date.now(), data: `DPX ${price.toFixed(2)}` };
    events.push(event);
    if (events.length > KEEP) events.shift();
    for (const listener of listeners) listener(event);
  }, intervalMs);
  timer.unref();
  return {
    get latestSeq() {
      return seq;
    },
    since: (after) => (after >= seq ? [] : events.filter((event) => event.seq > after)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => clearInterval(timer),
  };
}
