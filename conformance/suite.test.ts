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

test("Duplex's default limits show as non-strict limit cases, not fails; a 200-message burst fits the token bucket", async (t) => {
  const server = await startTestServer(); // 64 KiB; 1,000 messages at once, 100 a second sustained
  t.after(() => server.close());
  const results = await runAt(`${server.wsUrl}/ws/echo`, { filter: '9.*' });
  assert.deepEqual(verdicts(results, 'non-strict'), ['9.1.1', '9.1.2']);
  assert.match(results[0]!.reason, /refused with 1009/);
  assert.equal(results.find((r) => r.id === '9.2.1')?.verdict, 'pass');
});

test('a burst above the allowance is still refused with 1008, as a limit the server documents', async (t) => {
  const server = await startTestServer({ rateLimit: 100, rateBurst: 100 });
  t.after(() => server.close());
  const results = await runAt(`${server.wsUrl}/ws/echo`, { filter: '9.2.*' });
  assert.deepEqual(verdicts(results, 'non-strict'), ['9.2.1']);
  assert.match(results[0]!.reason, /refused with 1008 "rate limit/);
});
