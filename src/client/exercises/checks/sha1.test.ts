import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { sha1Base64 } from './sha1.ts';
import { acceptKey, rfcExample, websocketGuid } from './accept-key.ts';
import { logLine, started } from './fixtures.ts';

test('sha1Base64 agrees with node:crypto on RFC 6455\'s example, the empty string, long and non-ASCII input', () => {
  const inputs = ['dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11', '', 'a'.repeat(55), 'b'.repeat(56), 'c'.repeat(1000), 'héllo ✓'];
  for (let i = 0; i < 20; i++) inputs.push(randomBytes(16).toString('base64'));
  for (const input of inputs) assert.equal(sha1Base64(input), createHash('sha1').update(input, 'utf8').digest('base64'), input);
  assert.equal(sha1Base64(inputs[0]!), 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
});

test('cheat: log lines with accepts a learner could produce without SHA-1 of key + GUID do not pass accept-key', () => {
  const key = randomBytes(16).toString('base64');
  const right = createHash('sha1').update(key + websocketGuid).digest('base64');
  const lookalikes = [
    createHash('sha1').update(key).digest('base64'), // the GUID forgotten
    createHash('sha1').update(key + websocketGuid).digest('hex'), // hex, not base64
    btoa(key + websocketGuid), // base64 with no hash
    rfcExample.accept, // the RFC's answer, copied
  ];
  for (const fake of lookalikes) {
    assert.notEqual(sha1Base64(key + websocketGuid), fake);
    assert.equal(acceptKey([started(key), logLine(1, `${rfcExample.key} → ${rfcExample.accept}`), logLine(2, `${key} → ${fake}`)]).passed, false, fake);
  }
  assert.equal(acceptKey([started(key), logLine(1, `${rfcExample.key} → ${rfcExample.accept}`), logLine(2, `${key} → ${right}`)]).passed, true);
});
