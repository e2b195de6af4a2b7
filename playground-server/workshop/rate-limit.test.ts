import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RateLimit } from './rate-limit.ts';

test('a rate limit allows its capacity at once, then refuses until time refills it', () => {
  const limit = new RateLimit(3, 60_000, 0);
  assert.deepEqual([limit.take(0), limit.take(0), limit.take(0), limit.take(0)], [true, true, true, false]);
  assert.equal(limit.take(10_000), false, 'a sixth of the window refills half a token');
  assert.equal(limit.take(20_000), true, 'a third of the window refills one token');
  assert.equal(limit.take(20_000), false);
});

test('an idle rate limit refills to its capacity and no further', () => {
  const limit = new RateLimit(2, 1000, 0);
  limit.take(0);
  limit.take(0);
  const later = 1_000_000;
  assert.deepEqual([limit.take(later), limit.take(later), limit.take(later)], [true, true, false]);
});
