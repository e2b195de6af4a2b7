import type { Attendee, ExerciseProgress } from '../../../protocol/workshop.ts';

/**
 * What the host's class grid says about each attendee, as pure functions of the rows the server
 * sent: the state of each exercise, who is stuck, and the counts at the top. Unit-tested, DOM-free.
 */
export type CellState = 'not-started' | 'running' | 'error' | 'passed';

export interface StuckRule {
  /** No progress on the current exercise for this long (and not passed): stuck. */
  minutes: number;
  /** This many errors in a row on the current exercise: stuck. */
  errorsInARow: number;
}

export const defaultStuckRule: StuckRule = { minutes: 5, errorsInARow: 3 };

/** Columns shown one per exercise; older exercises are summed up in one "earlier" column. */
export const shownExercises = 4;

export const progressOf = (attendee: Attendee, exercise: string): ExerciseProgress | undefined => attendee.exercises.find((p) => p.exercise === exercise);

export const cellState = (progress: ExerciseProgress | undefined): CellState => progress?.state ?? 'not-started';

/**
 * Exercises newest first, by the latest report anyone made on them; `known` (e.g. the snippets the
 * host pushed, with when) start a column even before anyone ran them.
 */
export function exerciseColumns(attendees: Iterable<Attendee>, known: ReadonlyMap<string, number>): string[] {
  const latest = new Map(known);
  for (const attendee of attendees) for (const p of attendee.exercises) latest.set(p.exercise, Math.max(latest.get(p.exercise) ?? 0, p.at));
  return [...latest].sort((a, b) => b[1] - a[1]).map(([exercise]) => exercise);
}

/**
 * Stuck on the current exercise: several errors in a row, or no progress for `minutes` since
 * the exercise began (`since`: when it was pushed or first reported). Gone attendees are not stuck.
 */
export function isStuck(attendee: Attendee, exercise: string | undefined, since: number, now: number, rule: StuckRule): boolean {
  if (exercise === undefined || attendee.state === 'gone') return false;
  const progress = progressOf(attendee, exercise);
  if (progress?.state === 'passed') return false;
  if (progress && progress.errorsInARow >= rule.errorsInARow) return true;
  return now - Math.max(since, progress?.at ?? 0) >= rule.minutes * 60_000;
}

export interface ExerciseCounts {
  passed: number;
  error: number;
  running: number;
  notStarted: number;
  /** Attendees who are here (not gone). */
  present: number;
}

export function countExercise(attendees: Iterable<Attendee>, exercise: string): ExerciseCounts {
  const counts: ExerciseCounts = { passed: 0, error: 0, running: 0, notStarted: 0, present: 0 };
  for (const attendee of attendees) {
    if (attendee.state === 'gone') continue;
    counts.present++;
    const state = cellState(progressOf(attendee, exercise));
    if (state === 'not-started') counts.notStarted++;
    else counts[state]++;
  }
  return counts;
}

/** A link that needs the instructor's eye: not connected, slow, or dropping often. */
export function weakLink(attendee: Attendee): boolean {
  return attendee.state !== 'connected' || (attendee.link.rttMs ?? 0) > 300 || attendee.link.reconnects >= 3;
}

export function describeLinkHealth(attendee: Attendee): string {
  const parts: string[] = [attendee.state];
  if (attendee.link.rttMs !== null) parts.push(`${attendee.link.rttMs} ms`);
  if (attendee.link.reconnects > 0) parts.push(`${attendee.link.reconnects} reconnect${attendee.link.reconnects === 1 ? '' : 's'} in 10 min`);
  return parts.join(' · ');
}
