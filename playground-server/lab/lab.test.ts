import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { WebSocket } from 'ws';
import { acceptFor } from '../handshake.ts';
import { CloseCode } from '../../protocol/close-codes.ts';
import { closed, connect, metric, nextMessage, refusedUpgrade, startTestServer } from '../test-support.ts';
import { openLab, rawClient, upgradeRequest } from './lab-test-support.ts';

const host = (url: string) => new URL(url).host;

test('a connection to /lab/<id> reaches the owner byte for byte, and the owner’s bytes reach it', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const lab = await openLab(server.url);
  assert.match(lab.ready.id, /^[A-Za-z0-9_-]{22}$/);
  assert.equal(lab.ready.path, `/lab/${lab.ready.id}`);
  // Odd header case, a repeated header and a byte above 0x7f: all must come through as sent.
  const head = upgradeRequest(`${lab.ready.path}/deeper?x=1`, host(server.url), 'x-Odd-Case: caf\u00e9\r\nX-Twice: 1\r\nX-Twice: 2\r\n');
  const client = await rawClient(server.url, Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from([0x81, 0x80])]));
  const opened = await lab.event('open');
  assert.equal(opened.connection, 1);
  const received = await lab.received(1, head.length + 2);
  assert.deepEqual(received, Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from([0x81, 0x80])]));
  lab.write(1, 'HTTP/1.1 418 Teapot\r\n\r\n');
  lab.end(1);
  await client.ended;
  assert.equal(client.text(), 'HTTP/1.1 418 Teapot\r\n\r\n');
  assert.equal((await lab.event('closed')).reason, 'owner_ended');
});

test('a real ws client opens through a lab whose owner answers the handshake, and fails on a wrong Accept', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const lab = await openLab(server.url);
  const answer = async (connection: number, accept: (key: string) => string) => {
    const head = (await lab.received(connection, 1)).toString('latin1');
    await lab.received(connection, head.indexOf('\r\n\r\n') + 4);
    const key = /sec-websocket-key: (.*)\r\n/i.exec(head)?.[1] ?? '';
    lab.write(connection, `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept(key)}\r\n\r\n`);
    // An unmasked server text frame "hi".
    lab.write(connection, new Uint8Array([0x81, 0x02, 0x68, 0x69]));
  };
  const good = new WebSocket(`${server.wsUrl}${lab.ready.path}`);
  void answer(1, acceptFor);
  const [message] = (await once(good, 'message')) as [Buffer];
  assert.equal(message.toString(), 'hi');
  good.terminate();

  const faked = new WebSocket(`${server.wsUrl}${lab.ready.path}`);
  void answer(2, () => acceptFor('dGhlIHNhbXBsZSBub25jZQ=='));
  const [error] = (await once(faked, 'error')) as [Error];
  assert.match(error.message, /Invalid Sec-WebSocket-Accept header/);
});

test('an unknown or ended lab id is refused with 404 and a reason; an ended lab cuts its connections', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const unknown = await refusedUpgrade(`${server.wsUrl}/lab/AAAAAAAAAAAAAAAAAAAAAA`);
  assert.equal(unknown.status, 404);
  assert.match(unknown.body, /no open lab "AAAAAAAAAAAAAAAAAAAAAA": it never existed, or the page that opened it has closed/);
  assert.equal((await refusedUpgrade(`${server.wsUrl}/lab/`)).status, 404);

  const lab = await openLab(server.url);
  const client = await rawClient(server.url, upgradeRequest(lab.ready.path, host(server.url)));
  await lab.event('open');
  lab.ws.close();
  await client.ended;
  const ended = await refusedUpgrade(`${server.wsUrl}${lab.ready.path}`);
  assert.equal(ended.status, 404);
  assert.match(ended.body, /the page that opened it has closed/);
  assert.equal(await metric(server.url, 'duplex_rejections_total{status="404",reason="not_found"}'), 3);
});

test('only a page of this site opens a lab: another origin or no Origin is refused with 403', async (t) => {
  const server = await startTestServer({ allowedOrigins: ['https://course.example.org'] });
  t.after(() => server.close());
  const other = await refusedUpgrade(`${server.wsUrl}/ws/lab`, { Origin: 'http://localhost:3000' });
  assert.equal(other.status, 403);
  assert.match(other.body, /a lab opens only from a page of this site, not from http:\/\/localhost:3000/);
  const none = await refusedUpgrade(`${server.wsUrl}/ws/lab`);
  assert.match(none.body, /no Origin header was sent/);
  (await openLab(server.url, 'https://course.example.org')).ws.close();
});

test('labs per origin are bounded with 429; closing one frees its place', async (t) => {
  const server = await startTestServer({ lab: { ...defaults(), perOrigin: 2 } });
  t.after(() => server.close());
  const first = await openLab(server.url);
  await openLab(server.url);
  const refusal = await refusedUpgrade(`${server.wsUrl}/ws/lab`, { Origin: server.url });
  assert.equal(refusal.status, 429);
  assert.match(refusal.body, /2 labs are already open from http:\/\/127\.0\.0\.1:\d+; close one first/);
  first.ws.close();
  await closed(first.ws);
  await openLab(server.url);
});

test('connections per lab are bounded: one more is refused with 503 and the owner hears of it', async (t) => {
  const server = await startTestServer({ lab: { ...defaults(), connections: 2 } });
  t.after(() => server.close());
  const lab = await openLab(server.url);
  for (let i = 0; i < 2; i++) await rawClient(server.url, upgradeRequest(lab.ready.path, host(server.url)));
  await lab.event('open', (e) => e.connection === 2);
  const refusal = await refusedUpgrade(`${server.wsUrl}${lab.ready.path}`);
  assert.equal(refusal.status, 503);
  assert.match(refusal.body, /already has 2 connections open; close one first/);
  assert.match((await lab.event('refused')).message, /already has 2 connections open/);
});

test('more bytes per second than the limit ends the connection, either direction', async (t) => {
  const server = await startTestServer({ lab: { ...defaults(), bytesPerSecond: 4096 } });
  t.after(() => server.close());
  const lab = await openLab(server.url);
  const flooder = await rawClient(server.url, upgradeRequest(lab.ready.path, host(server.url)));
  await lab.event('open');
  flooder.socket.write(Buffer.alloc(5000));
  await flooder.ended;
  const inbound = await lab.event('closed', (e) => e.connection === 1);
  assert.deepEqual([inbound.reason, inbound.message], ['rate_limit', 'the client sent more than 4096 bytes in one second']);

  const reader = await rawClient(server.url, upgradeRequest(lab.ready.path, host(server.url)));
  await lab.event('open', (e) => e.connection === 2);
  lab.write(2, Buffer.alloc(3000));
  lab.write(2, Buffer.alloc(3000));
  await reader.ended;
  assert.equal((await lab.event('closed', (e) => e.connection === 2)).message, 'the lab wrote more than 4096 bytes in one second');
});

test('a client that does not read is cut off once the bytes queued to it pass the bound', async (t) => {
  const server = await startTestServer({ lab: { ...defaults(), bytesPerSecond: 1024 * 1024 * 1024, bufferBytes: 64 * 1024 } });
  t.after(() => server.close());
  const lab = await openLab(server.url);
  const sleeper = await rawClient(server.url, upgradeRequest(lab.ready.path, host(server.url)));
  sleeper.socket.pause();
  await lab.event('open');
  // Kernel buffers on loopback take a few MB before Node queues anything; 400 × 60 KB is bounded.
  const chunk = Buffer.alloc(60 * 1024);
  for (let i = 0; i < 400 && !lab.events.some((e) => e.type === 'closed'); i++) {
    lab.write(1, chunk);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const ended = await lab.event('closed');
  assert.deepEqual([ended.reason, ended.message], ['buffer_full', `more than ${64 * 1024} bytes queued to a client that does not read`]);
});

test('a connection with no bytes either way for the idle timeout is ended', async (t) => {
  const server = await startTestServer({ lab: { ...defaults(), idleMs: 150 } });
  t.after(() => server.close());
  const lab = await openLab(server.url);
  const quiet = await rawClient(server.url, upgradeRequest(lab.ready.path, host(server.url)));
  await quiet.ended;
  const ended = await lab.event('closed');
  assert.deepEqual([ended.reason, ended.message], ['idle', 'no bytes either way for 150 ms']);
});

test('only a lab’s owner writes to its sockets: another lab’s id is unknown there', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const mine = await openLab(server.url);
  const theirs = await openLab(server.url);
  const victim = await rawClient(server.url, upgradeRequest(theirs.ready.path, host(server.url)));
  await theirs.event('open');
  mine.write(1, 'HTTP/1.1 200 Hijacked\r\n\r\n');
  const error = await mine.event('error');
  assert.deepEqual([error.code, error.message], ['unknown_connection', 'connection 1 is not open in this lab (it closed, or never existed)']);
  theirs.write(1, 'mine');
  theirs.end(1);
  await victim.ended;
  assert.equal(victim.text(), 'mine');
});

test('a bad owner message gets an error and the lab stays open', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const lab = await openLab(server.url);
  lab.ws.send(Buffer.from([0, 1]), { binary: true });
  assert.equal((await lab.event('error', (e) => e.code === 'bad_message')).message, 'a binary frame starts with a 4-byte connection id');
  lab.ws.send('{nope');
  await lab.event('error', (e) => e.code === 'bad_json');
  lab.ws.send(JSON.stringify({ type: 'end', connection: 0 }));
  assert.match((await lab.event('error', (e) => e.message.startsWith('connection:'))).message, /^connection: /);
  const client = await rawClient(server.url, upgradeRequest(lab.ready.path, host(server.url)));
  await lab.event('open');
  lab.end(1);
  await client.ended;
});

test('plain HTTP to a lab is answered 426; shutdown closes owners with 1001 and cuts lab connections', async (t) => {
  const server = await startTestServer();
  const response = await fetch(`${server.url}/lab/whatever`);
  assert.equal(response.status, 426);
  assert.match(((await response.json()) as { message: string }).message, /WebSocket upgrades only/);
  const lab = await openLab(server.url);
  const client = await rawClient(server.url, upgradeRequest(lab.ready.path, host(server.url)));
  await lab.event('open');
  const ownerClosed = closed(lab.ws);
  await server.close();
  assert.equal((await ownerClosed).code, CloseCode.goingAway);
  await client.ended;
});

function defaults() {
  return { connections: 8, bytesPerSecond: 4 * 1024 * 1024, bufferBytes: 1024 * 1024, idleMs: 120_000, perOrigin: 200, ownerMessagesPerSecond: 10_000 };
}

test('a page’s pipe (/ws/lab-pipe/<id>) is a lab connection too: raw bytes both ways, the same limits', async (t) => {
  const server = await startTestServer({ lab: { ...defaults(), connections: 1 } });
  t.after(() => server.close());
  const lab = await openLab(server.url);
  const pipeUrl = `${server.wsUrl}/ws/lab-pipe/${lab.ready.id}`;
  assert.match((await refusedUpgrade(pipeUrl)).body, /a lab opens only from a page of this site/);
  assert.equal((await refusedUpgrade(`${server.wsUrl}/ws/lab-pipe/AAAAAAAAAAAAAAAAAAAAAA`, { Origin: server.url })).status, 404);
  const pipe = await connect(pipeUrl, { headers: { Origin: server.url } });
  pipe.send(Buffer.from('GET / HTTP/1.1\r\n\r\n'));
  await lab.event('open');
  assert.equal((await lab.received(1, 18)).toString(), 'GET / HTTP/1.1\r\n\r\n');
  assert.equal((await refusedUpgrade(pipeUrl, { Origin: server.url })).status, 503);
  lab.write(1, 'HTTP/1.1 101 Switching Protocols\r\n\r\n');
  const answer = await nextMessage(pipe);
  assert.deepEqual([answer.isBinary, answer.data.toString()], [true, 'HTTP/1.1 101 Switching Protocols\r\n\r\n']);
  lab.end(1);
  assert.deepEqual(await closed(pipe), { code: CloseCode.normal, reason: 'the lab ended the connection' });
  assert.equal((await lab.event('closed')).reason, 'owner_ended');
});

test('a pipe that sends text is closed with 1003 and its lab connection ends', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const lab = await openLab(server.url);
  const pipe = await connect(`${server.wsUrl}/ws/lab-pipe/${lab.ready.id}`, { headers: { Origin: server.url } });
  pipe.send('text');
  assert.equal((await closed(pipe)).code, CloseCode.unsupportedData);
  assert.equal((await lab.event('closed')).reason, 'client_closed');
});

test('a flood towards an owner that reads slowly pauses the client instead of dropping the owner', async (t) => {
  const server = await startTestServer({ sendBuffer: 256 * 1024, lab: { ...defaults(), bytesPerSecond: 1024 * 1024 * 1024 } });
  t.after(() => server.close());
  const lab = await openLab(server.url);
  const client = await rawClient(server.url, upgradeRequest(lab.ready.path, host(server.url)));
  await lab.event('open');
  const ownerSocket = (lab.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
  ownerSocket.pause();
  // More than loopback's kernel buffers hold, so bytes really queue in the server.
  const total = 16 * 1024 * 1024;
  client.socket.write(Buffer.alloc(total, 7));
  // While the owner does not read, the server stops reading the client; the owner stays open.
  await new Promise((resolve) => setTimeout(resolve, 300));
  ownerSocket.resume();
  const expected = upgradeRequest(lab.ready.path, host(server.url)).length + total;
  assert.equal((await lab.received(1, expected)).length, expected);
  assert.equal(lab.ws.readyState, WebSocket.OPEN);
  assert.equal(await metric(server.url, 'duplex_drops_total{reason="slow_consumer"}'), 0);
});

test('a lab owner whose pong is late (a busy learner’s worker) keeps its lab past two heartbeats; one that never answers is dropped', async (t) => {
  const server = await startTestServer({ heartbeatMs: 40 });
  t.after(() => server.close());
  const lab = await openLab(server.url);
  // ws answers pings by itself; pausing the socket is a worker too busy to read: pings queue unread.
  lab.ws.pause();
  await new Promise((resolve) => setTimeout(resolve, 40 * 5));
  lab.ws.resume();
  const client = await rawClient(server.url, upgradeRequest(lab.ready.path, host(server.url)));
  assert.equal((await lab.event('open')).connection, 1, 'the lab outlived five intervals of a late pong');
  client.socket.destroy();
  lab.ws.pause();
  // A paused socket does not read the server's FIN either: watch the server's count instead (bounded).
  for (let i = 0; i < 200 && (await metric(server.url, 'duplex_drops_total{reason="heartbeat"}')) !== 1; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(await metric(server.url, 'duplex_drops_total{reason="heartbeat"}'), 1);
  assert.equal((await refusedUpgrade(`${server.wsUrl}${lab.ready.path}`)).status, 404);
});
