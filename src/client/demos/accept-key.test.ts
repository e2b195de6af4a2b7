import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acceptFor } from './accept-key.ts';

test('the browser-side accept computation gives RFC 6455’s own example answer', async () => {
  assert.equal(await acceptFor('dGhlIHNhbXBsZSBub25jZQ=='), 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
});
