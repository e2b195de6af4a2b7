import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acceptFor } from './handshake.ts';

test('Sec-WebSocket-Accept matches the example in RFC 6455', () => {
  assert.equal(acceptFor('dGhlIHNhbXBsZSBub25jZQ=='), 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
});
