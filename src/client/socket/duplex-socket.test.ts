import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverBehindProxy } from '../../../test-support/server-behind-proxy.ts';
import { WorkshopCloseCode } from '../../../protocol/workshop.ts';
import { DuplexSocket, type DuplexSocketOptions } from './duplex-socket.ts';
import { socketUrl } from './socket-url.ts';

/** The playground server behind a fault proxy, and a DuplexSocket to a path through it. */
async function throughProxy(t: { after(fn: () => Promise<void>): void }, path: string, options: DuplexSocketOptions = {}) {
  const { server, proxy } = await serverBehindProxy(t, { heartbeatMs: 60_000 });
  const socket = new DuplexSocket(socketUrl(path, proxy.url), { minReconnectionDelay: 100, maxReconnectionDelay: 400, ...options });
  const log: string[] = [];
  socket.addEventListener('connecting', () => log.push(`connecting ${socket.attempt}`));
  socket.addEventListener('open', () => log.push('open'));
  socket.addEventListener('close', (event) => log.push(`close ${(event as CloseEvent).code} ${(event as CloseEvent).reason}`));
  socket.addEventListener('message', (event) => log.push(`message ${String((event as MessageEvent).data)}`));
  t.after(async () => socket.close());
  const until = (what: string, from = 0) =>
    new Promise<void>((resolve) => {
      const check = () => (log.slice(from).some((line) => line.startsWith(what)) ? resolve() : setTimeout(check, 10));
      check();
    });
  return { server, proxy, socket, log, until };
}

test('the ws: or wss: URL of a path is built in one place', () => {
  assert.equal(socketUrl('/ws/echo', 'http://localhost:4321'), 'ws://localhost:4321/ws/echo');
  assert.equal(socketUrl('/ws/echo?trace=x', 'https://course.example.org/lessons/'), 'wss://course.example.org/ws/echo?trace=x');
});

test('refused attempts during a cut are reported as 1006, never as a final 1000: the socket comes back by itself', { timeout: 8000 }, async (t) => {
  const { proxy, socket, log, until } = await throughProxy(t, '/ws/echo');
  await until('open');
  await proxy.cut(1.2);
  await until('close 1006 connection lost');
  assert.equal(socket.lastClose?.final, false);
  const afterLoss = log.length;
  await until('close 1006 connection failed', afterLoss); // a refused attempt while the cut lasts
  assert.ok(!log.some((line) => line.startsWith('close 1000')), log.join('\n'));
  await until('open', afterLoss);
  socket.send('back');
  await until('message back');
});

test('a close the page asks for keeps its code and is final; a server refusal in finalCodes stops retrying', { timeout: 8000 }, async (t) => {
  const { socket, until, log } = await throughProxy(t, '/ws/echo');
  await until('open');
  socket.close(4100, 'done here');
  await until('close 4100 done here');
  assert.equal(socket.lastClose?.final, true);

  const workshop = await throughProxy(t, '/ws/workshop/AAAAAA', { finalCodes: [WorkshopCloseCode.noSuchRoom] });
  await workshop.until(`close ${WorkshopCloseCode.noSuchRoom}`);
  assert.deepEqual(workshop.socket.lastClose && [workshop.socket.lastClose.final, workshop.socket.lastClose.retryInMs], [true, null]);
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(workshop.log.filter((line) => line.startsWith('connecting')).length, 1, 'no second attempt');
  assert.ok(log.length > 0);
});

test('the application heartbeat finds a blackholed link, reconnects, and is back once the path heals', { timeout: 8000 }, async (t) => {
  const { proxy, until, log } = await throughProxy(t, '/ws/echo', {
    heartbeat: { intervalMs: 150, timeoutMs: 300, message: 'ping' },
    connectionTimeout: 500,
  });
  await until('open');
  await until('message ping'); // the echo server answers the heartbeat
  proxy.blackhole();
  await until('close 1006 no answer from the server for 0.3 s');
  const lost = log.length;
  await proxy.heal();
  await until('open', lost);
});

test('a close reports when the next attempt is due, from the pinned backoff', { timeout: 8000 }, async (t) => {
  const { proxy, socket, until } = await throughProxy(t, '/ws/echo', { minReconnectionDelay: 300, reconnectionDelayGrowFactor: 2, maxReconnectionDelay: 1000 });
  await until('open');
  await proxy.cut(5);
  await until('close 1006 connection lost');
  // Open for less than minUptime (5 s): the backoff goes on from where it was, retry 1.
  assert.equal(socket.lastClose?.retryInMs, 300);
  await until('close 1006 connection failed');
  assert.equal(socket.lastClose?.retryInMs, 600);
});
