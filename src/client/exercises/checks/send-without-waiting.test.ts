import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sendWithoutWaiting } from './send-without-waiting.ts';
import { frame } from './fixtures.ts';

test('three sends before the first reply, then three replies: passed', () => {
  const events = [frame('send', 1, 10, 'a'), frame('send', 1, 11, 'b'), frame('send', 1, 12, 'c'), frame('message', 1, 20, 'a'), frame('message', 1, 21, 'b'), frame('message', 1, 22, 'c')];
  assert.equal(sendWithoutWaiting(events).passed, true);
});

test('waiting for each reply before the next send (ping-pong) is not passed', () => {
  const events = [frame('send', 1, 10, 'a'), frame('message', 1, 20, 'a'), frame('send', 1, 21, 'b'), frame('message', 1, 30, 'b'), frame('send', 1, 31, 'c'), frame('message', 1, 40, 'c')];
  const verdict = sendWithoutWaiting(events);
  assert.equal(verdict.passed, false);
  assert.match(verdict.message, /only 1 message\(s\) went out before the first reply/);
});

test('three sends but the replies have not arrived yet: not passed, says how many are missing', () => {
  const events = [frame('send', 1, 10, 'a'), frame('send', 1, 11, 'b'), frame('send', 1, 12, 'c'), frame('message', 1, 20, 'a')];
  assert.deepEqual(sendWithoutWaiting(events), { passed: false, message: '1 of 3 replies received so far.' });
});

test('a run that sends nothing is not passed', () => {
  assert.equal(sendWithoutWaiting([]).passed, false);
});

test('cheat: three sends queued before the socket opened (partysocket flushes them together) fail', () => {
  const events = [frame('send', 1, 1, 'a', { queued: true }), frame('send', 1, 2, 'b', { queued: true }), frame('send', 1, 3, 'c', { queued: true }), frame('message', 1, 20, 'a'), frame('message', 1, 21, 'b'), frame('message', 1, 22, 'c')];
  assert.match(sendWithoutWaiting(events).message, /before the socket was open/);
});

test('cheat: three sockets with one message each fail: one socket must carry all three', () => {
  const events = [1, 2, 3].flatMap((socket) => [frame('send', socket, socket, 'x'), frame('message', socket, 10 + socket, 'x')]);
  assert.match(sendWithoutWaiting(events).message, /only 1 message\(s\)/);
});

test('a send made from the handler of the first reply counts as after it, even on the same clock tick', () => {
  // Browsers coarsen their clocks (to 100 µs, or to a whole millisecond and more under
  // anti-fingerprinting): the reply and the send it caused can carry the very same time.
  const events = [frame('send', 1, 10, 'one'), frame('message', 1, 20, 'one'), frame('send', 1, 20, 'two'), frame('message', 1, 30, 'two'), frame('send', 1, 30, 'three'), frame('message', 1, 40, 'three')];
  assert.match(sendWithoutWaiting(events).message, /^only 1 message\(s\) went out before the first reply/);
});
