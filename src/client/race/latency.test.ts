import { test } from 'node:test';
import assert from 'node:assert/strict';
import { latencyOf, summarize, type Delivery } from './latency.ts';

const d = (transport: Delivery['transport'], seq: number, latencyMs: number): Delivery => ({ transport, seq, latencyMs });

test('median and worst latency per transport, others ignored', () => {
  const deliveries = [d('short-poll', 1, 900), d('short-poll', 2, 100), d('short-poll', 3, 500), d('websocket', 1, 2)];
  assert.deepEqual(summarize(deliveries, 'short-poll'), { count: 3, medianMs: 500, maxMs: 900 });
  assert.deepEqual(summarize([d('sse', 1, 4), d('sse', 2, 6)], 'sse'), { count: 2, medianMs: 5, maxMs: 6 });
});

test('a transport with no deliveries yet has no figures', () => {
  assert.deepEqual(summarize([], 'long-poll'), { count: 0, medianMs: null, maxMs: null });
});

test('a receive time before the publish time (clock skew) counts as zero, not negative', () => {
  assert.equal(latencyOf(1000, 990), 0);
  assert.equal(latencyOf(1000, 1012), 12);
});
