/**
 * A token bucket: `capacity` actions at once (the burst), refilled at `refill` tokens per
 * `windowMs` (the sustained rate; by default the capacity again). A burst followed by quiet is
 * fine, a rate kept above the refill is not. Cheap enough to run on every message of every
 * socket; `now` is injectable so tests need no clock.
 */
export class RateLimit {
  readonly #capacity: number;
  readonly #refillPerMs: number;
  #tokens: number;
  #last: number;

  constructor(capacity: number, windowMs: number, now = Date.now(), refill = capacity) {
    this.#capacity = capacity;
    this.#refillPerMs = refill / windowMs;
    this.#tokens = capacity;
    this.#last = now;
  }

  /** Takes one token if there is one; false means the action is over the limit. */
  take(now = Date.now()): boolean {
    if (!this.available(now)) return false;
    this.#tokens -= 1;
    return true;
  }

  /** Whether a token is there, without taking it. */
  available(now = Date.now()): boolean {
    if (now !== this.#last) {
      this.#tokens = Math.min(this.#capacity, this.#tokens + (now - this.#last) * this.#refillPerMs);
      this.#last = now;
    }
    return this.#tokens >= 1;
  }
}
