import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { closedBy, createWebSocket } from './instrument-websocket.ts';
import type { SocketEvent } from './run-protocol.ts';

async function echoServer() {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await once(wss, 'listening');
  wss.on('connection', (socket) => socket.on('message', (data, isBinary) => (String(data) === 'bye' ? socket.close(4001, 'asked to') : String(data) === 'cut' ? socket.terminate() : socket.send(data, { binary: isBinary }))));
  return { origin: `http://127.0.0.1:${(wss.address() as AddressInfo).port}`, close: () => new Promise<void>((done) => wss.close(() => done())) };
}

async function opened(WS: ReturnType<typeof createWebSocket>, path: string) {
  const socket = new WS(path);
  await once(socket, 'open');
  return socket;
}

test('who closed: the learner, the server (a close frame) or the network (none)', () => {
  assert.equal(closedBy(true, true), 'client');
  assert.equal(closedBy(false, true), 'server');
  assert.equal(closedBy(false, false), 'network');
});

test('the platform WebSocket resolves paths on the server and reports each send with readyState and bufferedAmount', async () => {
  const server = await echoServer();
  const events: SocketEvent[] = [];
  const WS = createWebSocket(server.origin, (event) => events.push(event), () => 7);
  const early = new WS('/ws/echo');
  assert.throws(() => early.send('too soon'), { name: 'InvalidStateError' });
  const socket = await opened(WS, '/ws/echo');
  socket.send('hello');
  await once(socket, 'message');
  socket.close(1000, 'done');
  await once(socket, 'close');
  early.close();
  const sends = events.filter((event) => event.event === 'send');
  assert.deepEqual(sends.map((event) => [event.preview, event.readyState, event.api]), [['too soon', 0, 'websocket'], ['hello', 1, 'websocket']]);
  assert.equal(typeof sends[1]!.bufferedAmount, 'number');
  assert.match((events.find((event) => event.event === 'connecting') as { url: string }).url, /^ws:\/\/127\.0\.0\.1:\d+\/ws\/echo$/);
  assert.equal(events.filter((event) => event.event === 'close').at(-1)?.socket, 7);
  const closes = events.filter((event) => event.event === 'close' && event.reason === 'done');
  assert.deepEqual(closes.map((event) => event.event === 'close' && event.by), ['client']);
  await server.close();
});

test('a close the server started is "server", a cut connection is "network", and a page-only code throws', async () => {
  const server = await echoServer();
  const events: SocketEvent[] = [];
  let id = 1;
  const WS = createWebSocket(server.origin, (event) => events.push(event), () => id++);
  const a = await opened(WS, '/ws/echo');
  assert.throws(() => a.close(1001, 'going'), { name: 'InvalidAccessError' });
  a.send('bye');
  await once(a, 'close');
  const b = await opened(WS, '/ws/echo');
  b.send('cut');
  await once(b, 'close');
  const byOf = (socket: number) => events.flatMap((event) => (event.event === 'close' && event.socket === socket ? [[event.code, event.by]] : []));
  assert.deepEqual(byOf(1), [[4001, 'server']]);
  assert.deepEqual(byOf(2), [[1006, 'network']]);
  await server.close();
});
