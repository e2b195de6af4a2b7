import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeClose } from './close-words.ts';

test('close codes are said in plain words, with the server limit and the reason', () => {
  assert.equal(describeClose(1009, ''), '1009 message too big: the server accepts at most 64 KiB');
  assert.equal(describeClose(1008, 'rate limit: more than 100 messages per second'), '1008 policy violation: rate limit: more than 100 messages per second');
  assert.equal(describeClose(1006, ''), '1006 the connection ended without a close frame');
  assert.equal(describeClose(4001, 'done'), '4001 an application-defined code: done');
  assert.equal(describeClose(3999, ''), '3999');
});
