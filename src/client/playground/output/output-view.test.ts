import { test } from 'node:test';
import assert from 'node:assert/strict';
import { thinMessages } from './output-view.ts';
import type { Line } from './output-line.ts';

const message = (n: number): Line => ({ text: `#1 ← tick ${n}`, kind: 'down', channel: 'connection' });

test('a flood of message lines keeps the newest 60, says how many it left out, and keeps every other line', () => {
  const lines: Line[] = [
    ...Array.from({ length: 500 }, (_, n) => message(n)),
    { text: '#1 closed 1000', kind: 'meta', channel: 'connection' },
    { text: 'done', kind: 'log', channel: 'program' },
    ...Array.from({ length: 10 }, (_, n) => message(500 + n)),
  ];
  const kept = thinMessages(lines);
  assert.equal(kept[0]?.text, '… 450 more messages in the last moment, not listed (the traffic view has each one)');
  assert.deepEqual(
    kept.slice(1).map((line) => line.text),
    [...Array.from({ length: 50 }, (_, n) => `#1 ← tick ${450 + n}`), '#1 closed 1000', 'done', ...Array.from({ length: 10 }, (_, n) => `#1 ← tick ${500 + n}`)],
  );
});

test('a calm flush is written as it came', () => {
  const lines = Array.from({ length: 60 }, (_, n) => message(n));
  assert.equal(thinMessages(lines), lines);
});
