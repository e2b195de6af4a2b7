import { type Check, notYet, pass } from './types.ts';
import { socketEvents } from './events.ts';

/** The schedule the exercise asks for: before retry n (from 0), wait at random in [0, cap(n)]. */
export const jitter = { baseMs: 50, capMs: 800, retries: 12 } as const;
export const capFor = (retry: number) => Math.min(jitter.capMs, jitter.baseMs * 2 ** retry);
/**
 * A timer in a busy worker (a loaded 2-core machine) fires late, never early: up to the cap again
 * plus a second of lateness is not held against the learner. Uncapped doubling still shows.
 */
const lateMs = (retry: number) => capFor(retry) + 1000;
/**
 * How far apart the waits at the full cap must lie, as a fraction of it: a schedule's sit
 * together. Eight uniform waits fall within a quarter of the cap of each other about once in
 * 2,500 runs; a late timer shifts them all alike and leaves the spread.
 */
const minSpread = 0.25;

interface Attempt {
  connectingAt: number;
  closedAt: number;
}

/** Connection attempts that failed before opening, in order: each one's start and end. */
function failedAttempts(events: Parameters<Check>[0]): Attempt[] {
  const bySocket = new Map<number, { connectingAt?: number; opened?: boolean; closedAt?: number }>();
  for (const event of socketEvents(events)) {
    const entry = bySocket.get(event.socket) ?? {};
    if (event.event === 'connecting') entry.connectingAt ??= event.at;
    if (event.event === 'open') entry.opened = true;
    if (event.event === 'close') entry.closedAt ??= event.at;
    bySocket.set(event.socket, entry);
  }
  return [...bySocket.values()]
    .filter((entry): entry is Attempt => entry.connectingAt !== undefined && entry.closedAt !== undefined && !entry.opened)
    .sort((a, b) => a.connectingAt - b.connectingAt);
}

/**
 * Lesson 10: reconnect with exponential backoff and full jitter, written by the learner over the
 * platform WebSocket against a path that refuses every upgrade. Judged on the real times
 * between one attempt failing and the next starting: each under its cap (min(800, 50 × 2^n),
 * with room for a late timer), at random (spread out once at the full cap, unlike a schedule),
 * and growing (the later waits go past what the early caps allow).
 */
export const fullJitter: Check = (events) => {
  const attempts = failedAttempts(events);
  if (attempts.length === 0) return notYet('no connection attempt has failed yet: connect to /ws/gone, which refuses every upgrade.');
  const waits: number[] = [];
  for (let i = 1; i < attempts.length; i++) {
    const wait = attempts[i]!.connectingAt - attempts[i - 1]!.closedAt;
    if (wait < 0) return notYet(`attempt ${i + 1} started before attempt ${i} had failed: retry from the close event.`);
    const retry = i - 1;
    if (wait > capFor(retry) + lateMs(retry)) {
      return notYet(`retry ${i} waited ${Math.round(wait)} ms; full jitter waits at most ${capFor(retry)} ms before it (min(${jitter.capMs}, ${jitter.baseMs} × 2^${retry})).`);
    }
    waits.push(wait);
  }
  if (waits.length < jitter.retries) return notYet(`${waits.length} of ${jitter.retries} retries so far.`);
  const late = waits.slice(-5);
  if (Math.max(...late) < capFor(2)) return notYet(`the last waits never went past ${capFor(2)} ms: the cap should double each retry, up to ${jitter.capMs} ms.`);
  const atCap = waits.filter((_, retry) => capFor(retry) === jitter.capMs);
  if (Math.max(...atCap) - Math.min(...atCap) < minSpread * jitter.capMs) {
    const typical = Math.round(atCap.reduce((sum, wait) => sum + wait, 0) / atCap.length);
    return notYet(`once the cap reached ${jitter.capMs} ms, every wait was about ${typical} ms: that is a fixed schedule. Full jitter picks each wait at random between 0 and the cap.`);
  }
  return pass(`${waits.length} retries, waits of ${waits.map((wait) => Math.round(wait)).join(', ')} ms: random, each under a cap that doubled up to ${jitter.capMs} ms.`);
};
