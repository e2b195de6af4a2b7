import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pollsOnATimer } from './polls-on-a-timer.ts';
import { logLine } from './fixtures.ts';

test('five polls 300 ms apart pass', () => {
  const events = [0, 1, 2, 3, 4].map((i) => logLine(i * 300, `poll ${i + 1}: status ok`));
  assert.equal(pollsOnATimer(events).passed, true);
});

test('five polls fired at once (no pause) do not pass', () => {
  const events = [0, 1, 2, 3, 4].map((i) => logLine(i * 5, `poll ${i + 1}`));
  assert.match(pollsOnATimer(events).message, /only 5 ms apart/);
});

test('a single poll is not a loop', () => {
  assert.deepEqual(pollsOnATimer([logLine(0, 'poll 1')]), { passed: false, message: '1 of 5 polls so far.' });
});

test('other log lines are ignored', () => {
  assert.equal(pollsOnATimer([logLine(0, 'hello'), logLine(10, 'polling soon')]).passed, false);
});
