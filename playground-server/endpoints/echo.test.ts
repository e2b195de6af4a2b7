import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, nextMessage, startTestServer } from '../test-support.ts';

test('echo returns text unchanged, as text', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const ws = await connect(`${server.wsUrl}/ws/echo`);
  ws.send('héllo, duplex ✓');
  const { data, isBinary } = await nextMessage(ws);
  assert.equal(isBinary, false);
  assert.equal(data.toString(), 'héllo, duplex ✓');
  ws.close();
});

test('echo returns binary unchanged, as binary', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const ws = await connect(`${server.wsUrl}/ws/echo`);
  const bytes = Buffer.from([0, 1, 2, 253, 254, 255]);
  ws.send(bytes);
  const { data, isBinary } = await nextMessage(ws);
  assert.equal(isBinary, true);
  assert.deepEqual(data, bytes);
  ws.close();
});

test('echo answers each message in order', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const ws = await connect(`${server.wsUrl}/ws/echo`);
  const received: string[] = [];
  const done = new Promise<void>((resolve) =>
    ws.on('message', (data) => {
      received.push(data.toString());
      if (received.length === 100) resolve();
    }),
  );
  for (let i = 0; i < 100; i++) ws.send(`m${i}`);
  await done;
  assert.deepEqual(received, Array.from({ length: 100 }, (_, i) => `m${i}`));
  ws.close();
});
