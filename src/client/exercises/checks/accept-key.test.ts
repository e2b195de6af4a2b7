import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { acceptFor, acceptKey, rfcExample, websocketGuid } from './accept-key.ts';
import { logLine, started } from './fixtures.ts';

const key = randomBytes(16).toString('base64');
const node = (k: string) => createHash('sha1').update(k + websocketGuid).digest('base64');

test('the check\'s own accept agrees with node:crypto, and RFC 6455\'s example is right', () => {
  assert.equal(acceptFor(key), node(key));
  assert.equal(node(rfcExample.key), rfcExample.accept);
});

test('the solution passes: both keys logged with accepts computed by SHA-1', () => {
  const events = [started(key), logLine(1, `${rfcExample.key} → ${node(rfcExample.key)}`), logLine(2, `${key} → ${node(key)}`)];
  assert.equal(acceptKey(events).passed, true);
});

test('the starter fails: it base64-encodes the text instead of hashing it', () => {
  const events = [started(key), logLine(1, `${key} → ${btoa(key + websocketGuid)}`)];
  assert.match(acceptKey(events).message, /not what a server computes/);
});

test('cheat: the looked-up RFC answer without this run\'s key fails', () => {
  const events = [started(key), logLine(1, `${rfcExample.key} → ${rfcExample.accept}`)];
  assert.match(acceptKey(events).message, /log sampleKey/);
});

test('cheat: the RFC answer plus a made-up value for the fresh key fails, and says to compute it', () => {
  const events = [started(key), logLine(1, `${rfcExample.key} → ${rfcExample.accept}`), logLine(2, `${key} → HSmrc0sMlYUkAGmm5OPpG2HaGWk=`)];
  assert.match(acceptKey(events).message, /compute it, do not copy it/);
});
