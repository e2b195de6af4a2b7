import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClientCloseCode, CloseCode, ReportedCloseCode } from './close-codes.ts';

/** RFC 6455 §7.4: codes an endpoint may put in a close frame (1004–1006 and 1015 are reserved). */
const sendable = (code: number) => (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);

test('every close code the server sends may legally appear in a close frame', () => {
  for (const [name, code] of Object.entries(CloseCode)) assert.ok(sendable(code), `${name} = ${code}`);
});

test('close codes are unique, so a client can tell every case apart', () => {
  const codes = Object.values(CloseCode);
  assert.equal(new Set(codes).size, codes.length);
});

test('codes that are only reported never collide with codes that are sent', () => {
  const sent = new Set<number>(Object.values(CloseCode));
  for (const [name, code] of Object.entries(ReportedCloseCode)) {
    assert.ok(!sent.has(code), name);
    assert.ok(!sendable(code), `${name} = ${code} must not be sendable`);
  }
});

test('codes the browser socket sends are ones a page may send (1000 or 3000–4999) and no server code', () => {
  const sent = new Set<number>(Object.values(CloseCode));
  for (const [name, code] of Object.entries(ClientCloseCode) as [string, number][]) {
    assert.ok(code === 1000 || (code >= 3000 && code <= 4999), `${name} = ${code}`);
    assert.ok(!sent.has(code), name);
  }
});
