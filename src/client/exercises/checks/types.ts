import type { RunEvent } from '../../playground/runner/run-protocol.ts';

/** What a check says about a run so far: passed, or what is still missing (shown to the learner). */
export interface Verdict {
  passed: boolean;
  message: string;
}

/**
 * A check is a pure function of the events a run has produced so far. It is called again after
 * every new event, so it must not remember anything between calls: the events are the truth.
 */
export type Check = (events: readonly RunEvent[]) => Verdict;

export const pass = (message: string): Verdict => ({ passed: true, message });
export const notYet = (message: string): Verdict => ({ passed: false, message });
