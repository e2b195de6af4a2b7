import { type Check, notYet, pass } from './types.ts';
import { consoleLines } from './events.ts';

const wanted = 3;

/**
 * Lesson 2: a long-polling loop must carry `since` forward, or it sees the same event again (or
 * misses one). Passes when the run logged "event <seq>" for three feed events in a row, with no
 * event logged twice and no gap.
 */
export const everyEventOnce: Check = (events) => {
  const seqs = consoleLines(events).flatMap((line) => {
    const match = /^event (\d+)\b/.exec(line.text);
    return match ? [Number(match[1])] : [];
  });
  if (seqs.length === 0) return notYet('no line "event <seq>" was logged yet.');
  for (let i = 1; i < seqs.length; i++) {
    const [before, now] = [seqs[i - 1]!, seqs[i]!];
    if (now === before || seqs.indexOf(now) < i) return notYet(`event ${now} was logged twice: move "since" past what you have seen.`);
    if (now !== before + 1) return notYet(`event ${before} was followed by ${now}: ${now - before - 1} event(s) were missed.`);
  }
  if (seqs.length < wanted) return notYet(`${seqs.length} of ${wanted} events so far.`);
  return pass(`events ${seqs[0]} to ${seqs.at(-1)}, each exactly once, in order.`);
};
