import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capFor, fullJitter } from './full-jitter.ts';
import { closed, connecting, logLine, opened } from './fixtures.ts';
import type { RunEvent } from '../../playground/runner/run-protocol.ts';

/** Failed attempts (refused: close 1006, never open) separated by the given waits; each attempt takes 5 ms to fail. */
function attemptsWith(waits: readonly number[]): RunEvent[] {
  const events: RunEvent[] = [];
  let at = 0;
  for (let socket = 1; socket <= waits.length + 1; socket++) {
    events.push(connecting(socket, at, 'ws://127.0.0.1:4321/ws/gone'), closed(socket, at + 5, 1006, '', false));
    at += 5 + (waits[socket - 1] ?? 0);
  }
  return events;
}

/** Fractions of each cap, as a random source might give them. */
const shares = [0.62, 0.08, 0.91, 0.35, 0.77, 0.14, 0.52, 0.96, 0.27, 0.69, 0.43, 0.85];
const jittered = shares.map((share, retry) => share * capFor(retry));

test('the caps double from 50 ms and stop at 800 ms', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5, 11].map(capFor), [50, 100, 200, 400, 800, 800, 800]);
});

test('the solution passes: twelve random waits, each under its doubling cap', () => {
  const verdict = fullJitter(attemptsWith(jittered));
  assert.equal(verdict.passed, true, verdict.message);
  assert.match(verdict.message, /^12 retries, waits of 31, 8, 182/);
});

test('timers that fire late in a busy worker still pass, up to a second late', () => {
  for (const late of [150, 900]) assert.equal(fullJitter(attemptsWith(jittered.map((wait) => wait + late))).passed, true, `${late} ms late`);
});

test('the starter fails: a fixed 2 s wait is far over the first cap, and the message says which', () => {
  assert.match(fullJitter(attemptsWith(Array(12).fill(2000))).message, /retry 1 waited 2000 ms; full jitter waits at most 50 ms/);
});

test('a fixed wait within every cap plus lateness is still a fixed schedule', () => {
  assert.match(fullJitter(attemptsWith(Array(12).fill(1000))).message, /every wait was about 1000 ms: that is a fixed schedule/);
});

test('cheat: log lines about retries, with no attempt made, fail', () => {
  assert.match(fullJitter([logLine(1, 'retry 1 in 62 ms'), logLine(2, 'retry 2 in 16 ms')]).message, /no connection attempt has failed yet/);
});

test('cheat: exponential backoff with no jitter is a fixed schedule', () => {
  assert.match(fullJitter(attemptsWith(shares.map((_, retry) => capFor(retry)))).message, /every wait was about 800 ms: that is a fixed schedule/);
});

test('cheat: random waits that never grow (always under 50 ms) fail on the cap not doubling', () => {
  assert.match(fullJitter(attemptsWith(shares.map((share) => share * 50))).message, /never went past 200 ms: the cap should double/);
});

test('cheat: jitter over a cap that never stops doubling goes past 800 ms', () => {
  const uncapped = shares.map((share, retry) => Math.max(share, 0.6) * 50 * 2 ** retry);
  assert.match(fullJitter(attemptsWith(uncapped)).message, /retry 8 waited 6144 ms; full jitter waits at most 800 ms/);
});

test('fewer than twelve retries is not yet enough to judge', () => {
  assert.match(fullJitter(attemptsWith(jittered.slice(0, 4))).message, /4 of 12 retries so far/);
});

test('an attempt that opened is not a failed attempt', () => {
  const events = [connecting(1, 0, 'ws://127.0.0.1:4321/ws/echo'), opened(1, 3), closed(1, 9, 1000)];
  assert.match(fullJitter(events).message, /no connection attempt has failed yet/);
});
