import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { WebSocket } from 'ws';
import { closed, connect, inspector, isFrame, nextMessage, startTestServer } from '../test-support.ts';
import { frameWireLength } from '../../protocol/frame-size.ts';

/** JSON that repeats itself, as real app messages do: deflate's best case. */
const roster = JSON.stringify(Array.from({ length: 50 }, (_, id) => ({ id, status: 'online', room: 'lobby' })));

/** The extensions the server accepted in its 101, as the client saw them. */
const accepted = (ws: WebSocket) => ws.extensions;

test('echo-deflate accepts permessage-deflate when offered; plain echo never does', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const deflate = await connect(`${server.wsUrl}/ws/echo-deflate`);
  const plain = await connect(`${server.wsUrl}/ws/echo`);
  assert.match(accepted(deflate), /^permessage-deflate/);
  assert.equal(accepted(plain), '');
  deflate.send(roster);
  assert.equal((await nextMessage(deflate)).data.toString(), roster);
  deflate.close();
  plain.close();
});

test('a client that offers no compression still gets its echo, uncompressed', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const ws = await connect(`${server.wsUrl}/ws/echo-deflate`, { perMessageDeflate: false });
  assert.equal(accepted(ws), '');
  ws.send(roster);
  assert.equal((await nextMessage(ws)).data.toString(), roster);
  ws.close();
});

test('the inspector reports repetitive JSON compressed both ways: payload bytes, compressed bytes, wire bytes', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const watch = inspector(await connect(`${server.wsUrl}/ws/inspect?trace=deflate-json`));
  const client = await connect(`${server.wsUrl}/ws/echo-deflate?trace=deflate-json`);
  client.send(roster); // over the client's 1,024-byte threshold: compressed
  assert.equal((await nextMessage(client)).data.toString(), roster);
  const inbound = await watch.find(isFrame('in', 'text'));
  const outbound = await watch.find(isFrame('out', 'text'));
  for (const frame of [inbound, outbound]) {
    assert.equal(frame.payloadBytes, Buffer.byteLength(roster));
    assert.ok(frame.compressedBytes !== undefined && frame.compressedBytes * 5 < frame.payloadBytes, `${frame.direction}: ${frame.compressedBytes} of ${frame.payloadBytes}`);
    assert.equal(frame.wireBytes, frameWireLength(frame.compressedBytes, frame.direction === 'in'));
    assert.match(frame.preview, /^\[\{"id":0/);
  }
  client.close();
});

test('context takeover: the same message sent again costs fewer bytes the second time', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const watch = inspector(await connect(`${server.wsUrl}/ws/inspect?trace=deflate-again`));
  const client = await connect(`${server.wsUrl}/ws/echo-deflate?trace=deflate-again`);
  client.send(roster);
  await nextMessage(client);
  client.send(roster);
  await nextMessage(client);
  const first = await watch.find(isFrame('out', 'text'));
  const second = await watch.find(isFrame('out', 'text'));
  assert.ok(second.compressedBytes! < first.compressedBytes!, `${second.compressedBytes} < ${first.compressedBytes}`);
  client.close();
});

test('compression hurts small messages and random bytes: the inspector shows them no smaller on the wire', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const watch = inspector(await connect(`${server.wsUrl}/ws/inspect?trace=deflate-small`));
  const client = await connect(`${server.wsUrl}/ws/echo-deflate?trace=deflate-small`);
  client.send('hi');
  await nextMessage(client);
  const noise = randomBytes(2000);
  client.send(noise);
  assert.deepEqual((await nextMessage(client)).data, noise);
  const small = await watch.find(isFrame('out', 'text'));
  // With context takeover every message is compressed: 2 bytes of text take more than 2 deflated.
  assert.equal(small.payloadBytes, 2);
  assert.ok(small.compressedBytes! > small.payloadBytes, `"hi": ${small.compressedBytes} bytes compressed`);
  const random = await watch.find(isFrame('out', 'binary'));
  assert.ok(random.compressedBytes! >= random.payloadBytes, `random: ${random.compressedBytes} of ${random.payloadBytes}`);
  client.close();
});

test('a message that inflates past maxPayload is closed with 1009, and the server keeps serving', async (t) => {
  const server = await startTestServer({ maxPayload: 64 * 1024 });
  t.after(() => server.close());
  // 1 MiB of zeros deflates to about 1 KiB: small on the wire, too big once inflated.
  const bomb = await connect(`${server.wsUrl}/ws/echo-deflate`);
  bomb.send(Buffer.alloc(1024 * 1024));
  assert.equal((await closed(bomb)).code, 1009);
  const next = await connect(`${server.wsUrl}/ws/echo-deflate`);
  next.send('still here');
  assert.equal((await nextMessage(next)).data.toString(), 'still here');
  next.close();
});
