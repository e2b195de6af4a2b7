import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { CloseCode } from '../protocol/close-codes.ts';
import { LiveSocket } from './live-socket.ts';

test('an endpoint that throws closes only that client with 1011; the next client is served', async (t) => {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', WebSocket: LiveSocket });
  await once(wss, 'listening');
  t.after(() => wss.close());
  wss.on('connection', (ws) => {
    ws.on('message', (data) => {
      if (String(data) === 'boom') throw new Error('a bug in an endpoint');
      ws.send(data);
    });
  });
  const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/`;
  const errors: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void errors.push(args);
  t.after(() => (console.error = original));

  const victim = new WebSocket(url);
  const bystander = new WebSocket(url);
  await Promise.all([once(victim, 'open'), once(bystander, 'open')]);
  victim.send('boom');
  const [code, reason] = (await once(victim, 'close')) as [number, Buffer];
  assert.deepEqual([code, String(reason)], [CloseCode.internalError, 'unexpected server error']);
  assert.equal(errors.length, 1, 'the operator sees the error once');
  bystander.send('still here');
  const [echo] = (await once(bystander, 'message')) as [Buffer];
  assert.equal(String(echo), 'still here');
  bystander.close();
});
