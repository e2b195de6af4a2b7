import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closed, connect, inbox, metric, nextMessage, refusedUpgrade, startTestServer } from './test-support.ts';
import { WorkshopCloseCode } from '../protocol/workshop.ts';

test('GET /healthz answers 200 JSON', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const res = await fetch(`${server.url}/healthz`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  const body = (await res.json()) as { status: string; connections: number };
  assert.equal(body.status, 'ok');
  assert.equal(body.connections, 0);
});

test('an unknown WebSocket path is refused with 404 and a reason', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const refusal = await refusedUpgrade(`${server.wsUrl}/ws/nope`);
  assert.equal(refusal.status, 404);
  assert.match(refusal.body, /no WebSocket endpoint at \/ws\/nope/);
  assert.equal((await refusedUpgrade(`${server.wsUrl}/elsewhere`)).status, 404);
});

test('plain GET on a WebSocket path says upgrade required', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const res = await fetch(`${server.url}/ws/echo`);
  assert.equal(res.status, 426);
});

test('the built site is served from siteDir, with 404 for missing pages', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'duplex-site-'));
  writeFileSync(join(dir, 'index.html'), '<h1>course</h1>');
  writeFileSync(join(dir, '404.html'), '<h1>lost</h1>');
  const server = await startTestServer({ siteDir: dir });
  t.after(() => server.close());
  const home = await fetch(`${server.url}/`);
  assert.equal(home.status, 200);
  assert.equal(await home.text(), '<h1>course</h1>');
  const missing = await fetch(`${server.url}/no/such/page/`);
  assert.equal(missing.status, 404);
  assert.equal(await missing.text(), '<h1>lost</h1>');
});

test('shutdown closes every client with 1001 and a reason', async () => {
  const server = await startTestServer();
  const clients = await Promise.all([1, 2, 3].map(() => connect(`${server.wsUrl}/ws/echo`)));
  const closes = clients.map(closed);
  await server.close();
  for (const result of await Promise.all(closes)) {
    assert.equal(result.code, 1001);
    assert.equal(result.reason, 'server shutting down');
  }
});

test('GET /metrics counts connections, messages and bytes per endpoint in Prometheus text', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const res = await fetch(`${server.url}/metrics`);
  assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  const ws = await connect(`${server.wsUrl}/ws/echo`);
  ws.send('12345');
  await nextMessage(ws);
  assert.equal(await metric(server.url, 'duplex_connections{endpoint="echo"}'), 1);
  assert.equal(await metric(server.url, 'duplex_messages_total{endpoint="echo",direction="in"}'), 1);
  assert.equal(await metric(server.url, 'duplex_message_bytes_total{endpoint="echo",direction="out"}'), 5);
  ws.close(1000);
  await closed(ws);
  assert.equal(await metric(server.url, 'duplex_connections{endpoint="echo"}'), 0);
  assert.equal(await metric(server.url, 'duplex_closes_total{code="1000"}'), 1);
});

test('two servers in one process keep their own workshop rooms', async (t) => {
  const [a, b] = await Promise.all([startTestServer(), startTestServer()]);
  t.after(() => Promise.all([a.close(), b.close()]));
  const host = await connect(`${a.wsUrl}/ws/workshop/new`);
  const created = await inbox(host).json<{ type: string; code: string }>();
  assert.equal(created.type, 'created');
  const stranger = await connect(`${b.wsUrl}/ws/workshop/${created.code}`);
  assert.equal((await closed(stranger)).code, WorkshopCloseCode.noSuchRoom);
  host.close();
});
