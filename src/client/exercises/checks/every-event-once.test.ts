import { test } from 'node:test';
import assert from 'node:assert/strict';
import { everyEventOnce } from './every-event-once.ts';
import { logLine } from './fixtures.ts';

const lines = (...seqs: number[]) => seqs.map((seq, i) => logLine(i, `event ${seq}: price 101.5`));

test('three consecutive events, each once: passed', () => {
  assert.deepEqual(everyEventOnce(lines(41, 42, 43)), { passed: true, message: 'events 41 to 43, each exactly once, in order.' });
});

test('the same event twice (since never moved) is caught, even if later events follow', () => {
  assert.match(everyEventOnce(lines(41, 41, 42, 43)).message, /event 41 was logged twice/);
  assert.match(everyEventOnce(lines(41, 42, 41)).message, /event 41 was logged twice/);
});

test('a gap means an event was missed', () => {
  assert.match(everyEventOnce(lines(41, 43, 44)).message, /1 event\(s\) were missed/);
});

test('fewer than three is not yet', () => {
  assert.deepEqual(everyEventOnce(lines(7)), { passed: false, message: '1 of 3 events so far.' });
});
