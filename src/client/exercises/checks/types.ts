import type { RunEvent } from '../../playground/runner/run-protocol.ts';
import type { InspectCommand } from '../../../../protocol/inspect.ts';

/** What a check says about a run so far: passed, or what is still missing (shown to the learner). */
export interface Verdict {
  passed: boolean;
  message: string;
}

/**
 * A check is a pure function of the events a run has produced so far and the time now (same clock
 * as the events' `at`; absent: the last event's time). It is called after every new event and on a timer while the run goes on,
 * so a judgement that needs time ("stopped retrying") is made over a quiet window, not on the
 * first passing moment. It must not remember anything between calls: the events are the truth.
 */
export type Check = (events: readonly RunEvent[], now?: number) => Verdict;

export const pass = (message: string): Verdict => ({ passed: true, message });
export const notYet = (message: string): Verdict => ({ passed: false, message });

/**
 * What the page does to a run so the skill can be seen on a real broken path: the fault it asks
 * the server for (the same command the playground's fault buttons send), or null for "not yet".
 * Called like a check, after each event and on the timer. `struck` says how many faults the page
 * has applied in this run so far: the stage returns the next one when its moment has come, and
 * null for good once it has had all it needs (a stage that strikes once returns null when
 * `struck` > 0). `chance`, drawn in [0, 1) afresh for each strike, picks the moment, so code
 * cannot be written to the page's timing instead of to the events.
 */
export type Stage = (events: readonly RunEvent[], now: number, chance: number, struck: number) => InspectCommand | null;
