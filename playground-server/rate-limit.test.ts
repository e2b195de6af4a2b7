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

test('a burst allowance above the sustained rate: 1,000 at once pass, then only the rate does', () => {
  const limit = new RateLimit(1000, 1000, 0, 100);
  let passed = 0;
  for (let i = 0; i < 1000; i++) if (limit.take(0)) passed++;
  assert.equal(passed, 1000, 'the whole burst');
  assert.equal(limit.take(0), false, 'the bucket is empty');
  assert.equal(limit.take(5), false, '5 ms refill half a token at 100 a second');
  assert.equal(limit.take(10), true, '10 ms refill one');
  let sustained = 0;
  for (let ms = 11; ms <= 1010; ms++) for (let k = 0; k < 3; k++) if (limit.take(ms)) sustained++;
  assert.ok(sustained >= 99 && sustained <= 101, `a flood of 3 per ms gets the rate through, ~100 in a second (got ${sustained})`);
});
