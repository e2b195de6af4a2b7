import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { batcher } from './batcher.ts';

test('a lone item goes at once; a burst right after waits and goes as one batch, in order', async () => {
  const sent: number[][] = [];
  const batch = batcher<number>((items) => sent.push(items), 20);
  batch.push(1);
  assert.deepEqual(sent, [[1]]);
  for (let i = 2; i <= 50; i++) batch.push(i);
  assert.equal(sent.length, 1, 'the burst is held');
  await sleep(40);
  assert.deepEqual(sent, [[1], Array.from({ length: 49 }, (_, i) => i + 2)]);
});

test('flush sends what is held at once, so an unbatched message after it stays in order', () => {
  const sent: string[][] = [];
  const batch = batcher<string>((items) => sent.push(items), 1000);
  batch.push('a');
  batch.push('b');
  batch.flush();
  assert.deepEqual(sent, [['a'], ['b']]);
  batch.flush();
  assert.equal(sent.length, 2, 'nothing held: nothing sent');
});
