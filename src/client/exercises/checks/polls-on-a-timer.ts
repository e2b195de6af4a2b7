import { type Check, notYet, pass } from './types.ts';
import { consoleLines, requestsTo } from './events.ts';

const wanted = 5;
/** Slack under the asked-for 300 ms, for timer jitter. */
const minGapMs = 250;

/**
 * Lesson 1: a short-polling loop asks again on a timer. Judged on the requests the code really
 * made: five answered GETs of /healthz, each started about 300 ms after the previous one was
 * answered. The learner must also print each ("poll <n>"), but lines alone prove nothing.
 */
export const pollsOnATimer: Check = (events) => {
  const polls = requestsTo(events, '/healthz');
  if (polls.length === 0) return notYet('no request to /healthz was made yet: call fetch(\'/healthz\') in the loop.');
  for (let i = 1; i < polls.length; i++) {
    const [before, now] = [polls[i - 1]!, polls[i]!];
    if (now.startedAt < before.at) return notYet(`requests ${i} and ${i + 1} were in flight together; await each answer, then sleep, then ask again.`);
    const gap = now.startedAt - before.at;
    if (gap < minGapMs) return notYet(`request ${i + 1} started ${Math.round(gap)} ms after answer ${i}; wait about 300 ms between them.`);
  }
  const failed = polls.find((poll) => poll.status !== 200);
  if (failed) return notYet(`a request to /healthz got ${failed.status ?? failed.error}; ask the path exactly.`);
  if (polls.length < wanted) return notYet(`${polls.length} of ${wanted} requests made so far.`);
  const lines = consoleLines(events).filter((line) => /^poll \d+\b/.test(line.text)).length;
  if (lines < wanted) return notYet(`${wanted} requests made; log a line starting "poll <n>" for each (${lines} so far).`);
  return pass(`${polls.length} requests, each about 300 ms after the last answer.`);
};
