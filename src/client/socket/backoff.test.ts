import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retryDelay, socketDefaults } from './backoff.ts';

test('the backoff is pinned: 0.5 s, then ×1.5 per failed attempt, never more than 8 s', () => {
  assert.deepEqual(
    [1, 2, 3, 4, 10, 50].map((n) => retryDelay(n, socketDefaults)),
    [500, 750, 1125, 1687.5, 8000, 8000],
  );
  assert.equal(retryDelay(0, socketDefaults), 0, 'the very first attempt does not wait');
  assert.equal(socketDefaults.maxEnqueuedMessages, 100);
});
