import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sixteenBitLength } from './sixteen-bit-length.ts';
import { frame } from './fixtures.ts';

const binary = (event: 'send' | 'message', at: number, bytes: number) => frame(event, 1, at, '00 01 …', { binary: true, bytes });

test('a 300-byte binary message sent and echoed passes', () => {
  assert.equal(sixteenBitLength([binary('send', 1, 300), binary('message', 2, 300)]).passed, true);
});

test('the boundaries: 125 bytes still fits 7 bits, 126 and 65,535 need 16, 65,536 needs 64', () => {
  const verdict = (bytes: number) => sixteenBitLength([binary('send', 1, bytes), binary('message', 2, bytes)]).passed;
  assert.deepEqual([125, 126, 65_535, 65_536].map(verdict), [false, true, true, false]);
});

test('a long TEXT message is not what was asked, and the message says so', () => {
  const verdict = sixteenBitLength([frame('send', 1, 1, 'x'.repeat(300), { bytes: 300 })]);
  assert.deepEqual(verdict, { passed: false, message: 'the last message was text, 300 bytes; send binary, 126 to 65,535 bytes.' });
});

test('sent but not yet echoed is not passed', () => {
  assert.match(sixteenBitLength([binary('send', 1, 300)]).message, /waiting for its echo/);
});
