import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { WebSocket } from 'ws';
import { CloseCode } from '../protocol/close-codes.ts';
import { Opcodes } from '../protocol/frame-size.ts';
import { clientFrame, closed, connect, inbox, metric, nextMessage, rawUpgrade, refusedUpgrade, startTestServer } from './test-support.ts';

test('a page on another site is refused with 403; same origin, localhost and listed origins are let in', async (t) => {
  const server = await startTestServer({ allowedOrigins: ['https://course.example.org'] });
  t.after(() => server.close());
  const refusal = await refusedUpgrade(`${server.wsUrl}/ws/echo`, { Origin: 'https://evil.example' });
  assert.equal(refusal.status, 403);
  assert.match(refusal.body, /origin https:\/\/evil\.example is not allowed \(see --allowed-origins\)/);
  for (const origin of [server.url, 'http://localhost:3000', 'https://course.example.org']) {
    (await connect(`${server.wsUrl}/ws/echo`, { headers: { Origin: origin } })).close();
  }
  assert.equal(await metric(server.url, 'duplex_rejections_total{status="403",reason="origin"}'), 1);
});

test('a message over the size limit closes with 1009; the server keeps serving', async (t) => {
  const server = await startTestServer({ maxPayload: 1024 });
  t.after(() => server.close());
  const ws = await connect(`${server.wsUrl}/ws/echo`);
  ws.send('x'.repeat(1025));
  assert.equal((await closed(ws)).code, CloseCode.messageTooBig);
  const next = await connect(`${server.wsUrl}/ws/echo`);
  next.send('x'.repeat(1024));
  assert.equal((await nextMessage(next)).data.length, 1024);
  next.close();
});

test('a text message that is not valid UTF-8 closes with 1007', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const ws = await connect(`${server.wsUrl}/ws/echo`);
  ws.send(Buffer.from([0x68, 0xff, 0xfe]), { binary: false });
  assert.equal((await closed(ws)).code, CloseCode.invalidPayload);
});

test('a flood over the rate limit closes with 1008 and says why; slower clients are fine', async (t) => {
  const server = await startTestServer({ rateLimit: 5, rateBurst: 5 });
  t.after(() => server.close());
  const flooder = await connect(`${server.wsUrl}/ws/echo`);
  const echoes: string[] = [];
  flooder.on('message', (data) => echoes.push(String(data)));
  for (let i = 0; i < 10; i++) flooder.send(`m${i}`);
  const result = await closed(flooder);
  assert.deepEqual(result, { code: CloseCode.policyViolation, reason: 'rate limit: more than 5 messages at once or 5 per second' });
  assert.deepEqual(echoes, ['m0', 'm1', 'm2', 'm3', 'm4']);
  const polite = await connect(`${server.wsUrl}/ws/echo`);
  polite.send('hi');
  assert.equal(String((await nextMessage(polite)).data), 'hi');
  polite.close();
});

test("a learner's loop of 1,000 messages at once is a burst, not a flood: every echo comes back, in order", async (t) => {
  const server = await startTestServer(); // the defaults: 100 a second sustained, 1,000 at once
  t.after(() => server.close());
  const ws = await connect(`${server.wsUrl}/ws/echo`);
  const messages = inbox(ws);
  for (let i = 0; i < 1000; i++) ws.send(`n${i}`);
  const got: string[] = [];
  for (let i = 0; i < 1000; i++) got.push(String((await messages.next()).data));
  assert.deepEqual(got, Array.from({ length: 1000 }, (_, i) => `n${i}`));
  assert.equal(ws.readyState, WebSocket.OPEN);
  ws.close();
});

test('a flood sustained above the rate empties the burst allowance and is closed with 1008 within 2 s', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const ws = await connect(`${server.wsUrl}/ws/echo`);
  const started = Date.now();
  const wasClosed = closed(ws);
  // 20 messages every 10 ms (about 2,000 a second, bounded to 2 s): 20× the sustained rate.
  const timer = setInterval(() => {
    if (ws.readyState !== WebSocket.OPEN || Date.now() - started > 2000) return clearInterval(timer);
    for (let i = 0; i < 20; i++) ws.send('flood');
  }, 10);
  t.after(() => clearInterval(timer));
  const result = await wasClosed;
  assert.equal(result.code, CloseCode.policyViolation);
  assert.ok(Date.now() - started < 2000, `closed after ${Date.now() - started} ms`);
});

test('a client that stops reading is dropped once its send buffer passes the bound', async (t) => {
  const server = await startTestServer({ sendBuffer: 64 * 1024, rateLimit: 100_000 });
  t.after(() => server.close());
  const reader = await connect(`${server.wsUrl}/ws/echo`);
  const stalled = await rawUpgrade(`${server.wsUrl}/ws/echo`);
  const gone = new Promise((resolve) => stalled.once('close', resolve));
  stalled.on('error', () => undefined); // the server resets the connection mid-write
  // Ask for far more echo than loopback buffers hold (~20 MB), never reading any of it.
  const chunk = clientFrame(Buffer.alloc(60_000, 0x61), Opcodes.binary);
  for (let i = 0; i < 340 && !stalled.destroyed; i++) {
    if (!stalled.write(chunk)) await Promise.race([once(stalled, 'drain').catch(() => undefined), gone]);
  }
  await gone;
  assert.equal(await metric(server.url, 'duplex_drops_total{reason="slow_consumer"}'), 1);
  // Everyone else is unaffected.
  reader.send('still fine');
  assert.equal(String((await nextMessage(reader)).data), 'still fine');
  reader.close();
});

test('a peer that stops answering pings is closed by the heartbeat', async (t) => {
  const server = await startTestServer({ heartbeatMs: 50 });
  t.after(() => server.close());
  const alive = await connect(`${server.wsUrl}/ws/echo`);
  const silent = await rawUpgrade(`${server.wsUrl}/ws/echo`);
  silent.on('error', () => undefined);
  silent.resume(); // it reads the pings, it just never answers them
  await once(silent, 'close');
  assert.equal(await metric(server.url, 'duplex_drops_total{reason="heartbeat"}'), 1);
  assert.equal(alive.readyState, WebSocket.OPEN, 'a client whose library answers pings stays connected');
  alive.close();
});

test('past the connection cap upgrades get 503 with a reason, and room is made when one leaves', async (t) => {
  const server = await startTestServer({ maxConnections: 2 });
  t.after(() => server.close());
  const first = await connect(`${server.wsUrl}/ws/echo`);
  const second = await connect(`${server.wsUrl}/ws/echo`);
  const refusal = await refusedUpgrade(`${server.wsUrl}/ws/echo`);
  assert.equal(refusal.status, 503);
  assert.match(refusal.body, /server is full \(2 connections\)/);
  first.close();
  await closed(first);
  (await connect(`${server.wsUrl}/ws/echo`)).close();
  second.close();
});
