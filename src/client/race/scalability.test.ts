import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bitsPerSecond, formatMbps, lubbersGreco, megabitsPerSecond } from './scalability.ts';

test('the arithmetic reproduces Lubbers & Greco’s published figures for 1,000 clients polling once a second', () => {
  const { pollHeaderBytes, websocketFrameBytes, published } = lubbersGreco;
  assert.equal(bitsPerSecond(pollHeaderBytes, 1000), 6_968_000);
  assert.equal(formatMbps(megabitsPerSecond(pollHeaderBytes, published.clients)), String(published.pollingMbps));
  assert.equal(formatMbps(megabitsPerSecond(websocketFrameBytes, published.clients)), String(published.websocketMbps));
});

test('bandwidth grows linearly with clients and rate', () => {
  assert.equal(bitsPerSecond(100, 10_000, 2), 100 * 8 * 10_000 * 2);
  assert.deepEqual([1_000, 10_000, 100_000].map((clients) => formatMbps(megabitsPerSecond(871, clients))), ['6.6', '66', '665']);
});

test('small and zero figures stay readable', () => {
  assert.equal(formatMbps(0), '0');
  assert.equal(formatMbps(1.526), '1.5');
  assert.equal(formatMbps(0.1526), '0.15');
});
