import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChatLog } from './chat-log.ts';

const ann = { id: 'u1', name: 'ann' };

test('messages are numbered from 1 and replayed after a given seq', () => {
  const log = new ChatLog(10);
  for (const text of ['a', 'b', 'c']) log.append(ann, text);
  assert.equal(log.latestSeq, 3);
  assert.deepEqual(log.since(1).lines.map((l) => [l.seq, l.text]), [[2, 'b'], [3, 'c']]);
  assert.deepEqual(log.since(3), { lines: [], truncated: false });
  assert.equal(log.since(0).truncated, false);
});

test('only the newest messages are kept, and a replay from before them says it is truncated', () => {
  const log = new ChatLog(2);
  for (const text of ['a', 'b', 'c', 'd']) log.append(ann, text);
  assert.deepEqual(log.since(0).lines.map((l) => l.seq), [3, 4]);
  assert.equal(log.since(0).truncated, true);
  assert.equal(log.since(2).truncated, false);
});
