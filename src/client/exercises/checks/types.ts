import type { RunEvent } from '../../playground/runner/run-protocol.ts';

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
