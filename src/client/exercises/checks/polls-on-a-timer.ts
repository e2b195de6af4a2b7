import { type Check, notYet, pass } from './types.ts';
import { consoleLines } from './events.ts';

const wanted = 5;
/** Slack under the asked-for 300 ms, for timer jitter. */
const minGapMs = 250;

/**
 * Lesson 1: a short-polling loop asks again on a timer. Passes when the run logged "poll 1" …
 * "poll 5" (one line per request) with a pause of about 300 ms between consecutive polls.
 */
export const pollsOnATimer: Check = (events) => {
  const polls = consoleLines(events).filter((line) => /^poll \d+\b/.test(line.text));
  if (polls.length === 0) return notYet('no line starting with "poll <n>" was logged yet.');
  for (let i = 1; i < polls.length; i++) {
    const gap = polls[i]!.at - polls[i - 1]!.at;
    if (gap < minGapMs) return notYet(`polls ${i} and ${i + 1} were only ${Math.round(gap)} ms apart; wait about 300 ms between requests.`);
  }
  if (polls.length < wanted) return notYet(`${polls.length} of ${wanted} polls so far.`);
  return pass(`${polls.length} polls, each about 300 ms after the last.`);
};
