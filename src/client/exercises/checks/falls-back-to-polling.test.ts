import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fallsBackToPolling } from './falls-back-to-polling.ts';
import { closed, connecting, logLine, opened } from './fixtures.ts';

const failed = (at: number) => closed(1, at, 1006, 'connection failed', false);

test('two failed attempts, then polling: passed', () => {
  const events = [connecting(1, 0, 'ws://x/ws/live'), failed(1), failed(2), logLine(3, 'fallback: poll 1, 0 new'), logLine(4, 'fallback: poll 2, 1 new')];
  assert.deepEqual(fallsBackToPolling(events), { passed: true, message: 'gave up after 2 failed attempt(s) and fell back to polling.' });
});

test('retrying forever without falling back is not passed', () => {
  const events = [connecting(1, 0, 'ws://x/ws/live'), failed(1), failed(2), failed(3), failed(4)];
  assert.match(fallsBackToPolling(events).message, /failed 4 times and is still retrying/);
});

test('a socket that opens and later closes is not a failed attempt', () => {
  const events = [connecting(1, 0, 'ws://x/ws/echo'), opened(1, 1), closed(1, 2, 1000, 'bye'), logLine(3, 'fallback: poll 1'), logLine(4, 'fallback: poll 2')];
  assert.match(fallsBackToPolling(events).message, /no WebSocket attempt has failed yet/);
});

test('polls logged before the failure do not count', () => {
  const events = [logLine(0, 'fallback: poll 1'), logLine(0, 'fallback: poll 2'), connecting(1, 0, 'ws://x/ws/live'), failed(5)];
  assert.match(fallsBackToPolling(events).message, /0 of 2/);
});
