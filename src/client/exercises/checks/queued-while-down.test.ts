import { test } from 'node:test';
import assert from 'node:assert/strict';
import { queuedWhileDown } from './queued-while-down.ts';
import { closed, connecting, frame, logLine, opened } from './fixtures.ts';

const start = [connecting(1, 0, 'ws://x/ws/echo'), opened(1, 1), closed(1, 2, 1006, '', false)];

test('a send queued while down and echoed after the reopen passes', () => {
  const events = [...start, frame('send', 1, 3, 'while away', { queued: true }), opened(1, 4), frame('message', 1, 5, 'while away')];
  assert.equal(queuedWhileDown(events).passed, true);
});

test('queued before the very first open does not count: that is connecting, not being down', () => {
  const events = [connecting(1, 0, 'ws://x/ws/echo'), frame('send', 1, 1, 'early', { queued: true }), opened(1, 2), frame('message', 1, 3, 'early')];
  assert.match(queuedWhileDown(events).message, /no connection has dropped yet/);
});

test('the helper may report open after the learner’s onopen already dropped and sent: still passed', () => {
  const events = [connecting(1, 0, 'ws://x/ws/echo'), closed(1, 2, 1000, 'reconnect requested'), frame('send', 1, 3, 'while away', { queued: true }), opened(1, 4), opened(1, 6), frame('message', 1, 7, 'while away')];
  assert.equal(queuedWhileDown(events).passed, true);
});

test('waiting for the reopen before sending is not what was asked', () => {
  const events = [...start, opened(1, 4), frame('send', 1, 5, 'after'), frame('message', 1, 6, 'after')];
  assert.equal(queuedWhileDown(events).passed, false);
});

test('queued but not yet delivered says it is waiting', () => {
  assert.match(queuedWhileDown([...start, frame('send', 1, 3, 'while away', { queued: true })]).message, /is queued; waiting/);
});

test('cheat: log lines that tell the story (dropped, queued, echoed) with no socket doing it fail', () => {
  const events = [logLine(1, 'open; now dropping the connection'), logLine(2, 'queued: while away'), logLine(3, 'echo: while away')];
  assert.match(queuedWhileDown(events).message, /no connection has dropped yet/);
});

test('cheat: a real drop, then only a log line claiming the queued echo, fails', () => {
  const events = [...start, frame('send', 1, 3, 'while away', { queued: true }), logLine(4, 'echo: while away')];
  assert.match(queuedWhileDown(events).message, /is queued; waiting/);
});
