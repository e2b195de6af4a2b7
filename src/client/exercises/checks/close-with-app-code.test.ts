import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeWithAppCode } from './close-with-app-code.ts';
import { closed, frame } from './fixtures.ts';
import type { RunEvent } from '../../playground/runner/run-protocol.ts';

const echoed = [frame('send', 1, 1, 'hi'), frame('message', 1, 2, 'hi')];

test('a clean close with 4000 and a reason after the echo passes', () => {
  assert.deepEqual(closeWithAppCode([...echoed, closed(1, 3, 4000, 'finished the demo')]), { passed: true, message: 'closed cleanly with 4000 "finished the demo".' });
});

test('1000 is a fine code but not what the exercise asks for', () => {
  assert.match(closeWithAppCode([...echoed, closed(1, 3, 1000, 'bye')]).message, /closed with 1000; use a code from 4000 to 4999/);
});

test('a private code without a reason is not enough', () => {
  assert.match(closeWithAppCode([...echoed, closed(1, 3, 4001)]).message, /add a reason/);
});

test('a connection that dropped (1006, not clean) does not count', () => {
  assert.equal(closeWithAppCode([...echoed, closed(1, 3, 1006, '', false)]).passed, false);
});

test('closing a socket that never heard back is too early', () => {
  assert.match(closeWithAppCode([frame('send', 1, 1, 'hi'), closed(1, 2, 4000, 'bye')]).message, /after the first echo/);
});

test('a close from inside onmessage is reported before that message: still passed', () => {
  assert.equal(closeWithAppCode([frame('send', 1, 1, 'hi'), closed(1, 2, 4000, 'done'), frame('message', 1, 3, 'hi')]).passed, true);
});

test('cheat: a close with a private code that the server sent (not the learner) does not count', () => {
  const events = [frame('message', 1, 10, 'hello'), { ...closed(1, 11, 4000, 'server says bye'), by: 'server' } as RunEvent];
  assert.match(closeWithAppCode(events).message, /the server closed the socket, not your code/);
});
