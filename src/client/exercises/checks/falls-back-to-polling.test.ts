import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fallsBackToPolling } from './falls-back-to-polling.ts';
import { closed, connecting, fetched, logLine } from './fixtures.ts';
import type { RunEvent } from '../../playground/runner/run-protocol.ts';

const url = 'ws://127.0.0.1:4321/ws/live';
const attempt = (n: number, at: number): RunEvent[] => [connecting(1, at, url, n), closed(1, at + 10, 1006, 'connection failed', false, { retryInMs: 500 })];
const polls = (from: number, n: number): RunEvent[] =>
  Array.from({ length: n }, (_, i) => [fetched(from + i * 1000, from + i * 1000 + 5, `/poll/events?since=${i}`), logLine(from + i * 1000 + 6, `fallback: poll ${i + 1}, 0 new event(s)`)]).flat();

test('the solution passes once the socket has been quiet long enough: two attempts, then polls', () => {
  const events = [...attempt(1, 0), ...attempt(2, 600), ...polls(620, 3)];
  assert.match(fallsBackToPolling(events, 2700).message, /making sure the socket has stopped retrying/);
  assert.equal(fallsBackToPolling(events, 3700).passed, true);
});

test('the starter fails: it keeps retrying and never polls', () => {
  const events = [...attempt(1, 0), ...attempt(2, 600), ...attempt(3, 1500), ...attempt(4, 2700)];
  assert.match(fallsBackToPolling(events, 3000).message, /4 attempts and is still retrying/);
});

test('cheat: a socket that keeps retrying forever fails, even after two poll lines landed early', () => {
  const early = [...attempt(1, 0), ...attempt(2, 600), ...polls(620, 2)];
  assert.equal(fallsBackToPolling(early, 1700).passed, false); // not latched: the quiet window has not passed
  const later = [...early, ...attempt(3, 1500), ...attempt(4, 2700)];
  assert.match(fallsBackToPolling(later, 4000).message, /still retrying/);
});

test('cheat: "fallback: poll" lines with no request fail', () => {
  const events = [...attempt(1, 0), ...attempt(2, 600), logLine(700, 'fallback: poll 1'), logLine(1700, 'fallback: poll 2')];
  assert.match(fallsBackToPolling(events, 10_000).message, /0 of 2 requests to \/poll\/events/);
});

test('a slow retry delay stretches the quiet window: silence shorter than twice the delay proves nothing', () => {
  const slow = [connecting(1, 0, url, 1), closed(1, 10, 1006, 'connection failed', false, { retryInMs: 5000 }), ...polls(20, 3)];
  assert.equal(fallsBackToPolling(slow, 6000).passed, false);
  assert.equal(fallsBackToPolling(slow, 10_100).passed, true);
});

test('a socket the learner closed has given up at once', () => {
  const events = [connecting(1, 0, url, 1), { ...closed(1, 10, 1000, 'giving up'), by: 'client' } as RunEvent, ...polls(20, 2)];
  assert.equal(fallsBackToPolling(events, 1100).passed, true);
});
