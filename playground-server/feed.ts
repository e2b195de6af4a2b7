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
export const KEEP = 1000;

/** A made-up share price taking a random walk: small, changing, easy to read in a lesson. */
export function nextPrice(price: number): number {
  return Math.max(1, Math.round((price + (Math.random() - 0.5) * 2) * 100) / 100);
}

/** The payload of the event that quotes `price`, and the price an event quotes (100 if none). */
export const quote = (price: number) => `DPX ${price.toFixed(2)}`;
export const priceOf = (event: FeedEvent | undefined) => Number(event?.data.slice(4)) || 100;

/** The kept events and their listeners: what every feed keeps on its own instance. */
export class FeedCache {
  readonly events: FeedEvent[] = [];
  readonly listeners = new Set<(event: FeedEvent) => void>();

  get latestSeq(): number {
    return this.events.at(-1)?.seq ?? 0;
  }

  add(event: FeedEvent): void {
    this.events.push(event);
    if (this.events.length > KEEP) this.events.shift();
    for (const listener of this.listeners) listener(event);
  }

  since(after: number): FeedEvent[] {
    return after >= this.latestSeq ? [] : this.events.filter((event) => event.seq > after);
  }

  subscribe(listener: (event: FeedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export function memoryFeed(intervalMs: number): EventFeed {
  const cache = new FeedCache();
  const timer = setInterval(() => {
    cache.add({ seq: cache.latestSeq + 1, at: Date.now(), data: quote(nextPrice(priceOf(cache.events.at(-1)))) });
  }, intervalMs);
  return feedOver(cache, timer);
}

/** A feed as its users see it: what `cache` holds, made by `timer` (which does not keep the process up). */
export function feedOver(cache: FeedCache, timer: ReturnType<typeof setInterval>): EventFeed {
  timer.unref();
  return {
    get latestSeq() {
      return cache.latestSeq;
    },
    since: (after) => cache.since(after),
    subscribe: (listener) => cache.subscribe(listener),
    stop: () => clearInterval(timer),
  };
}
