import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pollsOnATimer } from './polls-on-a-timer.ts';
import { fetched, logLine } from './fixtures.ts';
import type { RunEvent } from '../../playground/runner/run-protocol.ts';

/** n polls as the solution makes them: ask, wait for the answer, log, sleep 300 ms. */
const loop = (n: number, sleepMs = 300): RunEvent[] =>
  Array.from({ length: n }, (_, i) => {
    const start = i * (sleepMs + 10);
    return [fetched(start, start + 10, '/healthz'), logLine(start + 11, `poll ${i + 1}: ok`)];
  }).flat();

test('the solution passes: five answered requests about 300 ms apart, each logged', () => {
  assert.equal(pollsOnATimer(loop(5)).passed, true);
});

test('the starter fails: one request', () => {
  const verdict = pollsOnATimer(loop(1));
  assert.equal(verdict.passed, false);
  assert.match(verdict.message, /1 of 5/);
});

test('cheat: five "poll n" lines on a timer with no request at all fail', () => {
  const lines = Array.from({ length: 5 }, (_, i) => logLine(i * 300, `poll ${i + 1}`));
  assert.match(pollsOnATimer(lines).message, /no request to \/healthz/);
});

test('cheat: five requests fired at once (Promise.all), logged 300 ms apart, fail', () => {
  const events = Array.from({ length: 5 }, (_, i) => [fetched(i, 20 + i, '/healthz'), logLine(300 * i, `poll ${i + 1}`)]).flat();
  assert.match(pollsOnATimer(events).message, /in flight together/);
});

test('cheat: requests too close together fail, and so do requests that were never logged', () => {
  assert.match(pollsOnATimer(loop(5, 50)).message, /wait about 300 ms/);
  const silent = loop(5).filter((event) => event.type !== 'console');
  assert.match(pollsOnATimer(silent).message, /log a line starting "poll <n>"/);
});
