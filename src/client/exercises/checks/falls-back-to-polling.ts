import { type Check, notYet, pass } from './types.ts';
import { closes, consoleLines, lastEventAt, requestsTo, socketEvents } from './events.ts';

const maxAttempts = 3;
const wantedPolls = 2;
/** How long a socket must stay quiet to count as given up: longer than its own next retry delay. */
const minQuietMs = 3000;

/**
 * Lesson 11: what Socket.IO does in reverse. Passes when a socket that never opened made at most
 * three attempts and then stayed quiet (no attempt for 3 s, or twice its announced retry delay,
 * whichever is longer: "gave up" is judged over time, not at the first polls), while the code
 * polled /poll/events at least twice after the first failure and logged "fallback: poll <n>".
 */
export const fallsBackToPolling: Check = (events, now = lastEventAt(events)) => {
  const opened = new Set(socketEvents(events).flatMap((event) => (event.event === 'open' ? [event.socket] : [])));
  const failures = closes(events).filter((close) => !opened.has(close.socket));
  if (failures.length === 0) return notYet('no WebSocket attempt has failed yet (connect to a path the server does not have).');
  const socket = failures[0]!.socket;
  const attempts = socketEvents(events).filter((event) => event.socket === socket && event.event === 'connecting').length;
  if (attempts > maxAttempts) return notYet(`the socket has made ${attempts} attempts and is still retrying; give up after ${maxAttempts} at most (maxRetries, or close it).`);
  const polls = requestsTo(events, '/poll/events').filter((poll) => poll.startedAt >= failures[0]!.at && poll.status === 200);
  if (polls.length < wantedPolls) return notYet(`${polls.length} of ${wantedPolls} requests to /poll/events answered since the first failure.`);
  const lines = consoleLines(events).filter((line) => /^fallback: poll \d+/.test(line.text)).length;
  if (lines < wantedPolls) return notYet(`polling works; log "fallback: poll <n>, …" for each poll (${lines} so far).`);
  const last = failures.filter((close) => close.socket === socket).at(-1)!;
  const quietFor = last.by === 'client' ? 0 : Math.max(minQuietMs, 2 * (last.retryInMs ?? 0));
  const waited = now - last.at;
  if (waited < quietFor) return notYet(`polling; making sure the socket has stopped retrying (${Math.ceil((quietFor - waited) / 1000)} s more).`);
  return pass(`gave up after ${attempts} attempt(s), stayed quiet, and fell back to polling.`);
};
