import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFetch } from './instrument-http.ts';
import type { HttpEvent } from './run-protocol.ts';

async function httpServer() {
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/poll/events')) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"events":[],"latestSeq":4}');
    res.writeHead(404, { 'content-type': 'image/png' }).end(Buffer.alloc(10));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((done) => server.close(() => done())) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

test('fetch reports each exchange: method, URL on the server, times, status and a text body; the learner still reads it', async () => {
  const server = await httpServer();
  const events: HttpEvent[] = [];
  const instrumented = createFetch(server.origin, (event) => events.push(event));
  const answer = await (await instrumented('/poll/events?since=3', { cache: 'no-store' })).json();
  assert.deepEqual(answer, { events: [], latestSeq: 4 });
  const missing = await instrumented('/nope', { method: 'POST', body: 'x' });
  assert.equal(missing.status, 404);
  await settle();
  assert.deepEqual(events.map((event) => [event.method, new URL(event.url).pathname + new URL(event.url).search, event.status, event.body]), [
    ['GET', '/poll/events?since=3', 200, '{"events":[],"latestSeq":4}'],
    ['POST', '/nope', 404, undefined],
  ]);
  for (const event of events) assert.ok(event.at >= event.startedAt);
  await server.close();
});

test('a request that never reaches a server is reported with its error, and still rejects for the learner', async () => {
  const server = await httpServer();
  await server.close(); // nothing listens on that port now
  const events: HttpEvent[] = [];
  const instrumented = createFetch(server.origin, (event) => events.push(event));
  await assert.rejects(instrumented('/healthz'));
  assert.equal(events.length, 1);
  assert.equal(events[0]!.status, undefined);
  assert.ok(events[0]!.error);
});
