import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { sha1Base64 } from './sha1.ts';

test('sha1Base64 agrees with node:crypto on RFC 6455\'s example, the empty string, long and non-ASCII input', () => {
  const inputs = ['dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11', '', 'a'.repeat(55), 'b'.repeat(56), 'c'.repeat(1000), 'héllo ✓'];
  for (let i = 0; i < 20; i++) inputs.push(randomBytes(16).toString('base64'));
  for (const input of inputs) assert.equal(sha1Base64(input), createHash('sha1').update(input, 'utf8').digest('base64'), input);
  assert.equal(sha1Base64(inputs[0]!), 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
});
