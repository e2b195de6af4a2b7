import { type Check, notYet, pass } from './types.ts';
import { closes, consoleLines, socketEvents } from './events.ts';

const maxAttempts = 3;
const wantedPolls = 2;

/**
 * Lesson 11: what Socket.IO does in reverse. Passes when a socket that never opened was given up
 * after at most three failed attempts and the code then polled instead, logging
 * "fallback: poll <n>" at least twice after the first failure.
 */
export const fallsBackToPolling: Check = (events) => {
  const opened = new Set(socketEvents(events).flatMap((event) => (event.event === 'open' ? [event.socket] : [])));
  const failures = closes(events).filter((close) => !opened.has(close.socket));
  if (failures.length === 0) return notYet('no WebSocket attempt has failed yet (connect to a path the server does not have).');
  const socket = failures[0]!.socket;
  const attempts = failures.filter((close) => close.socket === socket).length;
  if (attempts > maxAttempts) return notYet(`the socket has failed ${attempts} times and is still retrying; give up after ${maxAttempts} at most.`);
  const polls = consoleLines(events).filter((line) => line.at >= failures[0]!.at && /^fallback: poll \d+/.test(line.text));
  if (polls.length < wantedPolls) return notYet(`${polls.length} of ${wantedPolls} "fallback: poll <n>" lines logged after the failure.`);
  return pass(`gave up after ${attempts} failed attempt(s) and fell back to polling.`);
};
