/**
 * A token bucket: `capacity` actions at once, refilled at `capacity` per `windowMs`. Cheap enough
 * to keep one per attendee per kind of action; `now` is injectable so tests need no clock.
 */
export class RateLimit {
  readonly #capacity: number;
  readonly #refillPerMs: number;
  #tokens: number;
  #last: number;

  constructor(capacity: number, windowMs: number, now = Date.now()) {
    this.#capacity = capacity;
    this.#refillPerMs = capacity / windowMs;
    this.#tokens = capacity;
    this.#last = now;
  }

  /** Takes one token if there is one; false means the action is over the limit. */
  take(now = Date.now()): boolean {
    this.#tokens = Math.min(this.#capacity, this.#tokens + (now - this.#last) * this.#refillPerMs);
    this.#last = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
