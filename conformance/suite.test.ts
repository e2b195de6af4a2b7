import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../playground-server/test-support.ts';
import { allCases } from './cases/index.ts';
import { runAt, verdicts, wsEchoServer } from './test-support.ts';

/**
 * `ws` passes Autobahn 1–7 strictly except the fast-fail UTF-8 cases (it validates a
 * fragmented text message only once it is complete), so any other verdict the suite gives
 * it is a bug in the suite.
 */
const wsNonStrict = ['6.3.1', '6.3.2', '6.3.3'];

test('the suite has at least 40 cases with unique ids, each naming its RFC section', () => {
  assert.ok(allCases.length >= 40);
  assert.equal(new Set(allCases.map((c) => c.id)).size, allCases.length);
  for (const c of allCases) assert.match(c.rfc, /^§\d+(\.\d+)*$/, c.id);
});

test('bare ws, the reference, gets no fail and non-strict only where Autobahn says so', async (t) => {
  const server = await wsEchoServer();
  t.after(() => server.close());
  const results = await runAt(server.url);
  assert.deepEqual(verdicts(results, 'fail'), [], JSON.stringify(results.filter((r) => r.verdict === 'fail'), null, 1));
  assert.deepEqual(verdicts(results, 'non-strict'), wsNonStrict);
});

test("Duplex's /ws/echo, with limits above the suite's largest messages, gets no fail", async (t) => {
  // The send buffer too: a 4 MiB echo queued at once is over the default 1 MiB slow-consumer bound.
  const server = await startTestServer({ maxPayload: 16 * 1024 * 1024, sendBuffer: 64 * 1024 * 1024, rateLimit: 10_000 });
  t.after(() => server.close());
  const results = await runAt(`${server.wsUrl}/ws/echo`);
  assert.deepEqual(verdicts(results, 'fail'), [], JSON.stringify(results.filter((r) => r.verdict === 'fail'), null, 1));
  assert.deepEqual(verdicts(results, 'non-strict'), wsNonStrict);
});

test("Duplex's default limits (64 KiB, 100 messages/s) show as non-strict limit cases, not fails", async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const results = await runAt(`${server.wsUrl}/ws/echo`, { filter: '9.*' });
  assert.deepEqual(verdicts(results, 'non-strict'), ['9.1.1', '9.1.2', '9.2.1']);
  assert.match(results[0]!.reason, /refused with 1009/);
  assert.match(results[2]!.reason, /refused with 1008 "rate limit/);
});
