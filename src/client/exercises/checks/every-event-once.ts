import { PollResponse } from '../../../../protocol/feed.ts';
import { type Check, notYet, pass } from './types.ts';
import { consoleLines, parseJson, requestsTo } from './events.ts';

const wanted = 3;

/**
 * Lesson 2: a long-polling loop must carry `since` forward, or it is sent the same event again
 * (or skips some). Judged on what the server answered to the code's own `/poll/long` requests:
 * three feed events in a row, none delivered twice, none skipped. Each must also be logged as
 * "event <seq>", but lines alone prove nothing.
 */
export const everyEventOnce: Check = (events) => {
  const polls = requestsTo(events, '/poll/long');
  if (polls.length === 0) return notYet('no request to /poll/long was answered yet: the loop must fetch it.');
  const delivered: number[] = [];
  for (const poll of polls) {
    const answer = PollResponse.safeParse(parseJson(poll.body));
    if (!answer.success) continue; // still held by the server, or not a feed answer
    for (const { seq } of answer.data.events) {
      const previous = delivered.at(-1);
      if (delivered.includes(seq)) {
        return notYet(`the server sent event ${seq} twice, because a request asked again with since=${new URL(poll.url).searchParams.get('since')}: set since to the answer's latestSeq.`);
      }
      if (previous !== undefined && seq !== previous + 1) return notYet(`event ${previous} was followed by ${seq}: ${seq - previous - 1} event(s) were skipped; do not move since past what the answer said.`);
      delivered.push(seq);
    }
  }
  if (delivered.length < wanted) return notYet(`${delivered.length} of ${wanted} events received over long polling so far.`);
  const logged = new Set(consoleLines(events).flatMap((line) => /^event (\d+)\b/.exec(line.text)?.[1] ?? []).map(Number));
  const unlogged = delivered.filter((seq) => !logged.has(seq));
  if (unlogged.length > 0) return notYet(`the server sent event ${unlogged[0]}; log "event ${unlogged[0]}: …" for each event you receive.`);
  return pass(`events ${delivered[0]} to ${delivered.at(-1)}, each received exactly once, in order.`);
};
