import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { acceptExamples, acceptKey } from './accept-key.ts';
import { logLine } from './fixtures.ts';

const guid = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

test('the expected accept values are what SHA-1 + base64 really give (RFC 6455 §4.2.2)', () => {
  for (const { key, accept } of acceptExamples) {
    assert.equal(createHash('sha1').update(key + guid).digest('base64'), accept);
  }
});

test('logging both keys with their correct accept values passes', () => {
  const events = acceptExamples.map(({ key, accept }, i) => logLine(i, `${key} → ${accept}`));
  assert.equal(acceptKey(events).passed, true);
});

test('base64 without the SHA-1 step is not passed, and the message names the first wrong key', () => {
  const events = acceptExamples.map(({ key }, i) => logLine(i, `${key} → ${Buffer.from(key + guid).toString('base64')}`));
  assert.deepEqual(acceptKey(events), { passed: false, message: '2 of 2 accept values are not right yet (the first is for dGhlIHNhbXBsZSBub25jZQ==).' });
});

test('a run that logs nothing is told what to log', () => {
  assert.match(acceptKey([]).message, /log each sample key/);
});
