import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TransportCounters } from './transport-stats.ts';

test('counts add up per transport for the server and separately per client tag', () => {
  const counters = new TransportCounters();
  counters.add('sse', 'tab-1', { requests: 1, bytesIn: 100 });
  counters.add('sse', 'tab-2', { requests: 1, bytesOut: 50, delivered: 2 });
  counters.add('websocket', null, { requests: 1 });
  const mine = counters.snapshot('tab-1');
  assert.deepEqual(mine.map((row) => row.transport), ['short-poll', 'long-poll', 'sse', 'websocket']);
  assert.deepEqual(mine[2], { transport: 'sse', requests: 1, delivered: 0, bytesIn: 100, bytesOut: 0 });
  assert.deepEqual(counters.snapshot(null)[2], { transport: 'sse', requests: 2, delivered: 2, bytesIn: 100, bytesOut: 50 });
  assert.equal(counters.snapshot(null)[3]!.requests, 1);
  assert.deepEqual(counters.snapshot('never-seen')[0], { transport: 'short-poll', requests: 0, delivered: 0, bytesIn: 0, bytesOut: 0 });
});
