import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesPerDelivered } from './scalability.ts';

test('bytes per delivered event count both directions, empty polls included', () => {
  assert.equal(bytesPerDelivered({ transport: 'short-poll', requests: 10, delivered: 2, bytesIn: 3000, bytesOut: 2000 }), 2500);
});

test('nothing delivered yet gives no figure rather than infinity', () => {
  assert.equal(bytesPerDelivered({ transport: 'websocket', requests: 1, delivered: 0, bytesIn: 300, bytesOut: 200 }), null);
});
