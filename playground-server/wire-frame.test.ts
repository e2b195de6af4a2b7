import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serverFrame } from './wire-frame.ts';
import { acceptFor } from './handshake.ts';

test('a prebuilt frame is read by a real client as the same message, for every length encoding', async (t) => {
  const payloads = [Buffer.from('hi'), Buffer.alloc(300, 'x'), Buffer.alloc(70_000, 7)];
  const server: Server = createServer();
  server.on('upgrade', (req, socket) => {
    const accept = acceptFor(req.headers['sec-websocket-key'] ?? '');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    socket.write(serverFrame(payloads[0]!, false));
    socket.write(serverFrame(payloads[1]!, false));
    socket.write(serverFrame(payloads[2]!, true));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.after(() => server.close());
  const ws = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  const received: { data: Buffer; isBinary: boolean }[] = [];
  await new Promise<void>((resolve) =>
    ws.on('message', (data: Buffer, isBinary) => {
      received.push({ data, isBinary });
      if (received.length === 3) resolve();
    }),
  );
  ws.terminate();
  assert.deepEqual(
    received.map((m) => m.isBinary),
    [false, false, true],
  );
  received.forEach((m, i) => assert.deepEqual(m.data, payloads[i]));
});

