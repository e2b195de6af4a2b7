import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flawedServer, runAt, verdicts, type Flaw } from './test-support.ts';

/** A suite that cannot fail is a defect: each flaw must turn the cases that see it into fails. */

async function against(t: { after(fn: () => Promise<void>): void }, flaw: Flaw, filter: string) {
  const server = await flawedServer(flaw);
  t.after(() => server.close());
  // Short waits: the flawed servers stay silent where a good one answers.
  return runAt(server.url, { filter, timeoutMs: 300 });
}

test('a wrong Sec-WebSocket-Accept fails the handshake case and every other case', async (t) => {
  const results = await against(t, 'wrong-accept', '0.*,1.1.2,2.1,7.1.1');
  assert.deepEqual(verdicts(results, 'fail'), ['0.1.1', '0.1.2', '1.1.2', '2.1', '7.1.1']);
  for (const r of results) assert.match(r.reason, /^handshake failed: Sec-WebSocket-Accept is "s3pPLMBiTxaQ9kYGzzhZRbK\+xOo=", expected "/);
});

test('a server that echoes masked frames fails every echo case', async (t) => {
  const results = await against(t, 'masked-echo', '1.*,5.3,6.1.1');
  assert.equal(verdicts(results, 'fail').length, results.length);
  for (const r of results) assert.match(r.reason, /masked \(§5\.1: a server MUST NOT mask frames\)/, r.id);
});

test('a server that echoes the payload without unmasking it fails every non-empty echo', async (t) => {
  const results = await against(t, 'no-unmask', '1.*,6.1.1');
  // An empty payload is the same masked or not: the two 0-byte cases cannot tell.
  assert.deepEqual(verdicts(results, 'pass'), ['1.1.1', '1.2.1']);
  assert.equal(verdicts(results, 'fail').length, results.length - 2);
  assert.match(results.find((r) => r.id === '1.2.2')!.reason, /^reply 1 is binary 125 bytes .*, expected binary 125 bytes/);
});

test('a server that never answers pings fails the ping cases, and only those', async (t) => {
  const results = await against(t, 'no-pong', '2.*,5.3,5.5,5.6,5.7');
  // 2.5 too: it ignores the oversized ping instead of failing the connection.
  assert.deepEqual(verdicts(results, 'fail'), ['2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.9', '2.10', '2.11', '5.5', '5.6', '5.7']);
  assert.match(results.find((r) => r.id === '2.1')!.reason, /^missing reply 1: expected pong 0 bytes/);
  // Ignoring a pong that answers nothing is right; so is the fragmented echo without pings.
  assert.deepEqual(verdicts(results, 'pass'), ['2.7', '2.8', '5.3']);
});
