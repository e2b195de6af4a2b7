import { firstErrorLine, wireLimits, type ExerciseProgress, type ExerciseState, type LinkHealth } from '../../protocol/workshop.ts';

/** "Reconnects in the last 10 minutes": older returns are forgotten. */
export const reconnectWindowMs = 10 * 60_000;

/**
 * One seat's exercise progress and link health, for the host's class grid. Bounded: the newest
 * `wireLimits.exercises` exercises, and only the returns inside the window, whatever a client sends.
 */
export class SeatProgress {
  readonly #exercises = new Map<string, ExerciseProgress>();
  #returns: number[] = [];

  report(exercise: string, state: ExerciseState, error: string | undefined, now: number): void {
    const before = this.#exercises.get(exercise);
    // Map order is insertion order: re-inserting makes this the newest.
    this.#exercises.delete(exercise);
    const errorsInARow = state === 'error' ? (before?.errorsInARow ?? 0) + 1 : state === 'passed' ? 0 : (before?.errorsInARow ?? 0);
    this.#exercises.set(exercise, {
      exercise,
      state,
      ...(state === 'error' && error !== undefined ? { error: firstErrorLine(error) } : {}),
      errorsInARow,
      startedAt: before?.startedAt ?? now,
      at: now,
    });
    for (const oldest of this.#exercises.keys()) {
      if (this.#exercises.size <= wireLimits.exercises) break;
      this.#exercises.delete(oldest);
    }
  }

  /** The seat came back on a new connection (a reload, a dropped Wi-Fi). */
  cameBack(now: number): void {
    this.#returns = this.#recent(now);
    this.#returns.push(now);
  }

  /** Newest exercise first. */
  exercises(): ExerciseProgress[] {
    return [...this.#exercises.values()].reverse();
  }

  link(rttMs: number | null, now: number): LinkHealth {
    this.#returns = this.#recent(now);
    return { rttMs, reconnects: this.#returns.length };
  }

  #recent(now: number): number[] {
    return this.#returns.filter((at) => now - at < reconnectWindowMs);
  }
}

/** How often the host hears about link health that changed. */
export const linkReportMs = 5000;

/** What each seat's link looked like when the host last heard of it. */
const lastSent = new WeakMap<SeatProgress, string>();

/** The seats whose link health changed since the last report, as the `links` message lists them. */
export function changedLinks(seats: Iterable<{ id: string; progress: SeatProgress; socket: { rttMs: number | null } | null }>, now: number) {
  const changed: Array<{ id: string; link: LinkHealth }> = [];
  for (const seat of seats) {
    const link = seat.progress.link(seat.socket?.rttMs ?? null, now);
    const key = `${link.rttMs}/${link.reconnects}`;
    if (lastSent.get(seat.progress) === key) continue;
    lastSent.set(seat.progress, key);
    changed.push({ id: seat.id, link });
  }
  return changed;
}
