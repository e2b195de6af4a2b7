import assert from 'node:assert/strict';
import { test } from 'node:test';
import { roundTicks } from './axis.ts';

test('ticks are round steps from 0 to the first one at or above the largest value', () => {
  assert.deepEqual(roundTicks(100), [0, 20, 40, 60, 80, 100]);
  assert.deepEqual(roundTicks(847), [0, 200, 400, 600, 800, 1000]);
  assert.deepEqual(roundTicks(1000), [0, 200, 400, 600, 800, 1000]);
  assert.deepEqual(roundTicks(1937), [0, 500, 1000, 1500, 2000]);
  assert.deepEqual(roundTicks(3), [0, 1, 2, 3]);
});

test('every tick is a multiple of 1, 2 or 5 times a power of ten, in at most five steps', () => {
  for (const largest of [1, 7, 99, 101, 333, 999, 1001, 4321, 65_000]) {
    const ticks = roundTicks(largest);
    const step = ticks[1]! - ticks[0]!;
    const mantissa = step / 10 ** Math.floor(Math.log10(step));
    assert.ok([1, 2, 5].includes(mantissa), `${largest}: step ${step}`);
    assert.ok(ticks.at(-1)! >= largest && ticks.at(-2)! < largest, `${largest}: ${ticks.join(' ')}`);
    assert.ok(ticks.length <= 6, `${largest}: ${ticks.length} ticks`);
  }
});
