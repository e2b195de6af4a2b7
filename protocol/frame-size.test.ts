import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frameHeaderLength, frameWireLength } from './frame-size.ts';

test('frame header length follows the three payload length encodings', () => {
  const cases: [number, boolean, number][] = [
    [0, false, 2],
    [125, false, 2],
    [126, false, 4],
    [65535, false, 4],
    [65536, false, 10],
    [5, true, 6],
    [200, true, 8],
    [70000, true, 14],
  ];
  for (const [payload, masked, expected] of cases) assert.equal(frameHeaderLength(payload, masked), expected, `${payload} ${masked}`);
});

test('wire length is payload plus header, masked or not', () => {
  assert.equal(frameWireLength(5, true), 11);
  assert.equal(frameWireLength(5, false), 7);
  assert.equal(frameWireLength(126, false), 130);
  assert.equal(frameWireLength(70_000, true), 70_014);
});
