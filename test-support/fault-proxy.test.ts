import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect as tcpConnect } from 'node:net';
import { ReportedCloseCode } from '../protocol/close-codes.ts';
import { closed, connect, inbox } from '../playground-server/test-support.ts';
import { serverBehindProxy } from './server-behind-proxy.ts';

async function echoBehindProxy(t: { after(fn: () => Promise<void>): void }) {
  const { server, proxy, proxiedWsUrl } = await serverBehindProxy(t, { heartbeatMs: 60_000 });
  return { server, proxy, echoUrl: `${proxiedWsUrl}/ws/echo` };
}

/** Resolves with the error code of a TCP connect to 127.0.0.1:port, or 'connected'. */
async function tcpAttempt(port: number): Promise<string> {
  const socket = tcpConnect({ host: '127.0.0.1', port });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

test('the proxy forwards a WebSocket both ways unchanged', async (t) => {
  const { proxy, echoUrl } = await echoBehindProxy(t);
  const ws = await connect(echoUrl);
  ws.send('through the proxy');
  assert.equal(String((await inbox(ws).next()).data), 'through the proxy');
  assert.equal(proxy.connections, 1);
  ws.close();
});

test('a cut resets open connections (1006, no close frame) and refuses new ones until it heals', async (t) => {
  const { proxy, echoUrl } = await echoBehindProxy(t);
  const ws = await connect(echoUrl);
  const wasClosed = closed(ws);
  ws.on('error', () => undefined);
  assert.equal(await proxy.cut(0.6), 1);
  assert.equal((await wasClosed).code, ReportedCloseCode.abnormal);
  assert.equal(await tcpAttempt(proxy.port), 'ECONNREFUSED');
  await new Promise((resolve) => setTimeout(resolve, 800));
  const again = await connect(echoUrl);
  again.send('healed');
  assert.equal(String((await inbox(again).next()).data), 'healed');
  again.close();
});

test('a blackhole holds every byte and every close until it heals: a half-open link', async (t) => {
  const { proxy, echoUrl } = await echoBehindProxy(t);
  const ws = await connect(echoUrl);
  const messages = inbox(ws);
  let closeSeen = false;
  ws.on('close', () => (closeSeen = true));
  proxy.blackhole();
  ws.send('into the void');
  await new Promise((resolve) => setTimeout(resolve, 400));
  assert.equal(messages.received.length, 0, 'nothing crosses a blackholed link');
  assert.equal(closeSeen, false, 'and nobody is told');
  await proxy.heal();
  assert.equal(String((await messages.next()).data), 'into the void', 'TCP delivers what was held once the path is back');
  ws.close();
});

test('latency delays each direction without reordering; bandwidth paces bytes', async (t) => {
  const { proxy, echoUrl } = await echoBehindProxy(t);
  const ws = await connect(echoUrl);
  const messages = inbox(ws);
  proxy.latency(150, 50);
  const sentAt = Date.now();
  for (let i = 0; i < 20; i++) ws.send(`m${i}`);
  const got: string[] = [];
  for (let i = 0; i < 20; i++) got.push(String((await messages.next()).data));
  assert.ok(Date.now() - sentAt >= 300, 'a round trip crosses the proxy twice');
  assert.deepEqual(got, Array.from({ length: 20 }, (_, i) => `m${i}`));
  proxy.latency(0);
  proxy.bandwidth(20_000);
  const started = Date.now();
  ws.send(Buffer.alloc(10_000), { binary: true });
  assert.equal((await messages.next()).data.length, 10_000);
  assert.ok(Date.now() - started >= 900, '10 kB each way at 20 kB/s takes about a second');
  ws.close();
});

test('a close while blackholed reaches the other side only after heal', async (t) => {
  const { proxy, echoUrl } = await echoBehindProxy(t);
  const ws = await connect(echoUrl);
  proxy.blackhole();
  ws.close(1000, 'bye');
  const result = await Promise.race([once(ws, 'close').then(() => 'closed'), new Promise((r) => setTimeout(() => r('waiting'), 400))]);
  assert.equal(result, 'waiting', 'the close handshake cannot complete through a blackhole');
  await proxy.heal();
  assert.equal((await closed(ws)).code, 1000);
});
