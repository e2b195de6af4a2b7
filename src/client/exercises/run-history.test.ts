import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunEvent } from '../playground/runner/run-protocol.ts';
import { RunHistory } from './run-history.ts';

const line = (n: number): RunEvent => ({ type: 'console', level: 'log', text: `line ${n}`, at: n });

test('a long run keeps the first and the latest events, never more than the bound', () => {
  const history = new RunHistory(3, 5);
  let largest = 0;
  for (let n = 0; n < 10_000; n++) {
    history.push(line(n));
    largest = Math.max(largest, history.events.length);
  }
  assert.ok(largest < 3 + 2 * 5, `held at most ${largest} events`);
  const texts = history.events.map((event) => (event as Extract<RunEvent, { type: 'console' }>).text);
  assert.deepEqual(texts.slice(0, 3), ['line 0', 'line 1', 'line 2'], 'the start of the run stays');
  assert.equal(texts.at(-1), 'line 9999', 'the newest event is there');
  assert.equal(history.dropped + history.events.length, 10_000);
});

test('checking after every event of a 100,000-event run stays linear: each check sees a bounded history', () => {
  const history = new RunHistory();
  let scanned = 0;
  for (let n = 0; n < 100_000; n++) {
    history.push(line(n));
    scanned += history.events.length; // what a check that reads every event would do
  }
  assert.ok(scanned < 100_000 * 3500, `scanned ${scanned} events in all`);
});
