import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { createConnect } from './connect.ts';
import type { SocketEvent } from './run-protocol.ts';

/** A real ws server on a free port of 127.0.0.1; `onConnection` decides what it does. */
async function startServer(options: ConstructorParameters<typeof WebSocketServer>[0] = {}) {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', ...options });
  await once(wss, 'listening');
  const { port } = wss.address() as AddressInfo;
  const close = () =>
    new Promise<void>((done) => {
      for (const client of wss.clients) client.terminate();
      wss.close(() => done());
    });
  return { wss, origin: `http://127.0.0.1:${port}`, close };
}

/** Collects a socket's reported events and waits for the ones a test expects. */
function recorder() {
  const events: SocketEvent[] = [];
  const waiters: Array<{ match: (events: SocketEvent[]) => boolean; resolve: () => void }> = [];
  const report = (event: SocketEvent) => {
    events.push(event);
    for (const waiter of [...waiters]) {
      if (waiter.match(events)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  const until = (match: (events: SocketEvent[]) => boolean) =>
    match(events) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ match, resolve }));
  const count = (kind: SocketEvent['event']) => events.filter((e) => e.event === kind).length;
  return { events, report, until, count };
}

test('a dropped connection shows close 1006, reconnects after 0.5 s and delivers sends made while down exactly once', { timeout: 10_000 }, async (t) => {
  const server = await startServer();
  const received: string[] = [];
  let connections = 0;
  server.wss.on('connection', (ws: ServerSocket) => {
    connections++;
    ws.on('message', (data) => {
      const text = data.toString();
      received.push(text);
      // The first connection is dropped without a close frame, like a cable pulled out.
      if (text === 'drop me') ws.terminate();
      else ws.send(text);
    });
  });

  const { events, report, until, count } = recorder();
  const socket = createConnect(server.origin, report)('/ws/echo');
  t.after(async () => {
    socket.close();
    await server.close();
  });
  await until(() => count('open') === 1);
  socket.send('drop me');
  await until(() => count('close') === 1);
  socket.send('sent while down 1');
  socket.send('sent while down 2');
  await until((all) => all.filter((e) => e.event === 'message').length === 2);

  const close = events.find((e) => e.event === 'close');
  assert.deepEqual(close && { code: close.code, wasClean: close.wasClean, retryInMs: close.retryInMs }, { code: 1006, wasClean: false, retryInMs: 500 });
  const whileDown = events.filter((e) => e.event === 'send' && e.preview.startsWith('sent while down'));
  assert.deepEqual(whileDown.map((e) => e.event === 'send' && e.queued), [true, true], 'sends while down are reported as queued');
  assert.deepEqual(
    events.filter((e) => e.event === 'connecting').map((e) => e.event === 'connecting' && e.attempt),
    [1, 2],
  );
  assert.equal(connections, 2);
  assert.deepEqual(received, ['drop me', 'sent while down 1', 'sent while down 2']);
  assert.deepEqual(
    events.filter((e) => e.event === 'message').map((e) => e.event === 'message' && e.preview),
    ['sent while down 1', 'sent while down 2'],
  );
});

test('the page hears of open, message and close before the learner\'s own handlers act on them', { timeout: 10_000 }, async (t) => {
  const server = await startServer();
  server.wss.on('connection', (ws: ServerSocket) => ws.on('message', (data) => ws.send(data.toString())));
  const { events, report, until, count } = recorder();
  const socket = createConnect(server.origin, report)('/ws/echo');
  t.after(async () => {
    socket.close();
    await server.close();
  });
  socket.onopen = () => socket.send('ping me');
  socket.onmessage = () => socket.send('got it');
  await until(() => count('send') === 2);
  assert.deepEqual(
    events.map((e) => e.event),
    ['connecting', 'open', 'send', 'message', 'send'],
  );
});

test('a refused upgrade shows close 1006 "connection failed" and the wait grows 0.5 s → 0.75 s → 1.125 s', { timeout: 10_000 }, async (t) => {
  const server = await startServer({ verifyClient: (_info: unknown, done: (ok: boolean, code: number) => void) => done(false, 503) });
  t.after(() => server.close());
  const { events, report, until, count } = recorder();
  const socket = createConnect(server.origin, report)('/ws/echo');
  await until(() => count('close') === 3);
  socket.close();
  const closes = events.filter((e) => e.event === 'close');
  assert.deepEqual(
    closes.map((e) => e.event === 'close' && [e.code, e.reason, e.retryInMs]),
    [
      [1006, 'connection failed', 500],
      [1006, 'connection failed', 750],
      [1006, 'connection failed', 1125],
    ],
  );
  assert.equal(count('open'), 0);
});

test('a final close code from the server (1008) stops reconnecting', { timeout: 10_000 }, async (t) => {
  const server = await startServer();
  t.after(() => server.close());
  server.wss.on('connection', (ws: ServerSocket) => ws.close(1008, 'too many messages'));
  const { events, report, until, count } = recorder();
  const socket = createConnect(server.origin, report)('/ws/echo');
  await until(() => count('close') === 1);
  socket.close();
  const close = events.find((e) => e.event === 'close');
  assert.deepEqual(close && [close.code, close.reason, close.retryInMs], [1008, 'too many messages', undefined]);
});

test('a traced socket carries ?trace=<run>-<n> and opens only once the server view is watching', { timeout: 10_000 }, async (t) => {
  const server = await startServer();
  const order: string[] = [];
  server.wss.on('connection', (_ws: ServerSocket, req) => order.push(`connected ${req.url}`));
  const { report, until, count } = recorder();
  const connect = createConnect(server.origin, report, {
    run: 'abcd',
    watch: async (trace, socket) => {
      order.push(`watching ${trace} for #${socket}`);
    },
  });
  const first = connect('/ws/echo');
  const second = connect('/ws/echo?x=1');
  assert.equal(first.readyState, 0, 'a socket waiting for its server view reads CONNECTING, like a new WebSocket');
  t.after(async () => {
    first.close();
    second.close();
    await server.close();
  });
  await until(() => count('open') === 2);
  assert.equal(first.readyState, 1);
  assert.deepEqual(order.slice(0, 2).sort(), ['watching abcd-1 for #1', 'watching abcd-2 for #2']);
  assert.deepEqual(order.slice(2).sort(), ['connected /ws/echo?trace=abcd-1', 'connected /ws/echo?x=1&trace=abcd-2']);
});

test('each send reports readyState and bufferedAmount at that moment; each close says who closed', { timeout: 10_000 }, async (t) => {
  const server = await startServer();
  server.wss.on('connection', (ws: ServerSocket) =>
    ws.on('message', (data) => {
      if (data.toString() === 'close me') ws.close(4002, 'server decided');
      else if (data.toString() === 'cut') ws.terminate();
      else ws.send(data);
    }),
  );
  const { events, report, until, count } = recorder();
  const connect = createConnect(server.origin, report);
  const socket = connect('/ws/echo', { maxRetries: 0 });
  t.after(() => server.close());
  socket.send('before open');
  await until(() => count('open') === 1);
  socket.send('close me');
  await until(() => count('close') === 1);
  const other = connect('/ws/echo');
  await until(() => count('open') === 2);
  other.send('cut');
  await until(() => count('close') === 2);
  await until(() => count('open') === 3);
  other.close(4000, 'done');
  await until(() => count('close') === 3);

  const sends = events.flatMap((e) => (e.event === 'send' ? [[e.preview, e.readyState, e.api, typeof e.bufferedAmount]] : []));
  assert.deepEqual(sends.slice(0, 2), [
    ['before open', 0, 'connect', 'number'],
    ['close me', 1, 'connect', 'number'],
  ]);
  const closes = events.flatMap((e) => (e.event === 'close' ? [[e.socket, e.code, e.by]] : []));
  assert.deepEqual(closes, [
    [1, 4002, 'server'],
    [2, 1006, 'network'],
    [2, 4000, 'client'],
  ]);
});

test('a path function is asked before every attempt: the reconnect carries ?since= of the last message, and each connecting event names that URL', { timeout: 10_000 }, async (t) => {
  const server = await startServer();
  const asked: string[] = [];
  server.wss.on('connection', (ws: ServerSocket, req) => {
    asked.push(req.url ?? '');
    if (asked.length === 1) {
      ws.send('7');
      ws.on('message', () => ws.terminate()); // then the link drops, with no close frame
    }
  });
  const { events, report, until, count } = recorder();
  let lastSeq = 0;
  const socket = createConnect(server.origin, report)(() => `/ws/chat/lobby?since=${lastSeq}`);
  t.after(async () => {
    socket.close();
    await server.close();
  });
  socket.onmessage = (event) => {
    lastSeq = Number(event.data);
    socket.send('drop me');
  };
  await until(() => count('open') === 2);
  assert.deepEqual(asked, ['/ws/chat/lobby?since=0', '/ws/chat/lobby?since=7']);
  assert.deepEqual(
    events.filter((e) => e.event === 'connecting').map((e) => e.event === 'connecting' && new URL(e.url).search),
    ['?since=0', '?since=7'],
  );
});
