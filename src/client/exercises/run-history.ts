import type { RunEvent } from '../playground/runner/run-protocol.ts';

/**
 * The events of one run as a check sees them, bounded: checks are pure functions of the events
 * and run again after every new one, so an unbounded history makes a long, chatty run cost
 * quadratic time. The first `head` events (the connects and opens a check looks for) and the
 * latest `tail` are kept, and any error the code threw; what lies between is dropped, so each
 * check call is bounded too.
 */
export class RunHistory {
  readonly #head: number;
  readonly #tail: number;
  #events: RunEvent[] = [];
  /** Events dropped from the middle so far (a check never needs their number, a test does). */
  dropped = 0;

  constructor(head = 500, tail = 1500) {
    this.#head = head;
    this.#tail = tail;
  }

  get events(): readonly RunEvent[] {
    return this.#events;
  }

  push(event: RunEvent): void {
    this.#events.push(event);
    // Drop in batches, so the copy is rare: at most `tail` extra events are held at any time.
    if (this.#events.length >= this.#head + 2 * this.#tail) {
      const cut = this.#events.length - this.#head - this.#tail;
      const removed = this.#events.splice(this.#head, cut);
      // An error thrown mid-run stays: the verdict says the code threw, however long ago.
      const failures = removed.filter((event) => event.type === 'failed');
      this.#events.splice(this.#head, 0, ...failures);
      this.dropped += cut - failures.length;
    }
  }

  clear(): void {
    this.#events = [];
    this.dropped = 0;
  }
}
