import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createConnection, type Socket } from 'node:net';
import { once } from 'node:events';
import { startTestServer } from './test-support.ts';
import { TransportStatsResponse } from '../protocol/feed.ts';

/**
 * The race shows bytes as the server counted them. This checks those counts against an
 * independent capture: raw TCP sockets on the client side, whose bytesWritten/bytesRead are
 * everything that crossed the wire, headers and framing included.
 */
const client = 'bytes-check';

async function rawExchange(port: number, head: string, until: (received: string) => boolean): Promise<Socket> {
  const socket = createConnection({ port, host: '127.0.0.1' });
  const closed = once(socket, 'close');
  await once(socket, 'connect');
  let received = '';
  const done = new Promise<void>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (until(received)) resolve();
    });
    socket.on('close', () => resolve());
  });
  socket.write(head);
  await done;
  socket.destroy();
  await closed;
  return socket;
}

const within10Percent = (counted: number, captured: number, what: string) =>
  assert.ok(Math.abs(counted - captured) <= captured * 0.1, `${what}: server counted ${counted}, capture saw ${captured}`);

test('the per-transport byte counts the race shows match a client-side TCP capture within 10%', async (t) => {
  const server = await startTestServer({ feedIntervalMs: 50 });
  t.after(() => server.close());
  const { port } = new URL(server.url);
  const host = `127.0.0.1:${port}`;
  const captured = { poll: { in: 0, out: 0 }, ws: { in: 0, out: 0 } };

  for (let i = 0; i < 5; i++) {
    const socket = await rawExchange(Number(port), `GET /poll/events?since=0&client=${client} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, () => false);
    captured.poll.in += socket.bytesWritten;
    captured.poll.out += socket.bytesRead;
  }

  const key = Buffer.from('0123456789abcdef').toString('base64');
  const frames = (text: string) => (text.match(/"seq":/g) ?? []).length;
  const ws = await rawExchange(
    Number(port),
    `GET /ws/events?client=${client} HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    (received) => frames(received) >= 5,
  );
  captured.ws.in += ws.bytesWritten;
  captured.ws.out += ws.bytesRead;
  await new Promise((resolve) => setTimeout(resolve, 100)); // let the server notice the closed socket

  const stats = TransportStatsResponse.parse(await (await fetch(`${server.url}/stats/transports?client=${client}`)).json()).transports;
  const shortPoll = stats.find((s) => s.transport === 'short-poll')!;
  const websocket = stats.find((s) => s.transport === 'websocket')!;
  assert.equal(shortPoll.requests, 5);
  within10Percent(shortPoll.bytesIn, captured.poll.in, 'short polling, client → server');
  within10Percent(shortPoll.bytesOut, captured.poll.out, 'short polling, server → client');
  within10Percent(websocket.bytesIn, captured.ws.in, 'WebSocket, client → server');
  within10Percent(websocket.bytesOut, captured.ws.out, 'WebSocket, server → client');
});
