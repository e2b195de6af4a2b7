import { RateLimit } from '../rate-limit.ts';

/** Addresses remembered at once: a bound on memory, whatever a scanner does. */
const MAX_ADDRESSES = 10_000;

/**
 * Room codes are short enough to read off a projector, so they can be guessed: each address
 * may miss a code `perMinute` times a minute (a token bucket: typos are fine), then every
 * lookup from it is refused, right code or not, until the bucket refills, so a guesser learns
 * nothing from an answer. Addresses are forgotten oldest first past the bound.
 */
export class LookupGuard {
  readonly #perMinute: number;
  readonly #misses = new Map<string, RateLimit>();

  constructor(perMinute: number) {
    this.#perMinute = perMinute;
  }

  /** False while this address has used up its misses. */
  allows(address: string, now = Date.now()): boolean {
    return this.#misses.get(address)?.available(now) ?? true;
  }

  /** A lookup from this address named no room. */
  missed(address: string, now = Date.now()): void {
    let bucket = this.#misses.get(address);
    if (!bucket) {
      if (this.#misses.size >= MAX_ADDRESSES) this.#misses.delete(this.#misses.keys().next().value ?? '');
      bucket = new RateLimit(this.#perMinute, 60_000, now);
      this.#misses.set(address, bucket);
    }
    bucket.take(now);
  }
}
