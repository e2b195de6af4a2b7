import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InspectEvent } from '../../protocol/inspect.ts';
import { acceptFor } from '../handshake.ts';
import { closed, connect, inbox, inspector, isFrame, metric, nextMessage, refusedUpgrade, startTestServer } from '../test-support.ts';


test('the inspector shows the handshake headers and the computed Sec-WebSocket-Accept', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const watch = inspector(await connect(`${server.wsUrl}/ws/inspect?trace=lesson-4`));
  const client = await connect(`${server.wsUrl}/ws/echo?trace=lesson-4`, { headers: { 'X-Learner': 'ada' } });
  const handshake = await watch.next();
  assert.equal(handshake.type, 'handshake');
  if (handshake.type !== 'handshake') return;
  assert.equal(handshake.connection, 1);
  assert.equal(handshake.path, '/ws/echo');
  assert.equal(handshake.method, 'GET');
  assert.equal(handshake.url, '/ws/echo?trace=lesson-4');
  const headers = new Map(handshake.headers.map(([name, value]) => [name.toLowerCase(), value]));
  assert.equal(headers.get('upgrade'), 'websocket');
  assert.equal(headers.get('x-learner'), 'ada');
  assert.equal(handshake.accept, acceptFor(headers.get('sec-websocket-key') ?? ''));
  client.close();
});

test('the inspector shows text and binary frames both ways with payload and wire bytes', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const watch = inspector(await connect(`${server.wsUrl}/ws/inspect?trace=frames`));
  const client = await connect(`${server.wsUrl}/ws/echo?trace=frames`);
  client.send('hello');
  await nextMessage(client);
  client.send(Buffer.alloc(200, 1));
  await nextMessage(client);
  const textIn = await watch.find(isFrame('in', 'text'));
  assert.deepEqual([textIn.payloadBytes, textIn.wireBytes, textIn.preview], [5, 11, 'hello']); // 2 header + 4 mask
  const textOut = await watch.find(isFrame('out', 'text'));
  assert.deepEqual([textOut.payloadBytes, textOut.wireBytes, textOut.preview], [5, 7, 'hello']); // server frames are unmasked
  const binaryIn = await watch.find(isFrame('in', 'binary'));
  assert.deepEqual([binaryIn.payloadBytes, binaryIn.wireBytes], [200, 208]); // 126 length form: 4 + 4 mask
  assert.match(binaryIn.preview, /^01 01 01/);
  const binaryOut = await watch.find(isFrame('out', 'binary'));
  assert.deepEqual([binaryOut.payloadBytes, binaryOut.wireBytes], [200, 204]);
  client.close();
});

test('the inspector shows the close handshake in both directions and the final code', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const watch = inspector(await connect(`${server.wsUrl}/ws/inspect?trace=closing`));
  const client = await connect(`${server.wsUrl}/ws/echo?trace=closing`);
  client.close(4000, 'bye now');
  await closed(client);
  const closeIn = await watch.find(isFrame('in', 'close'));
  assert.deepEqual([closeIn.code, closeIn.reason, closeIn.payloadBytes], [4000, 'bye now', 9]);
  const closeOut = await watch.find(isFrame('out', 'close'));
  assert.equal(closeOut.code, 4000);
  const end = await watch.find((e): e is Extract<InspectEvent, { type: 'closed' }> => e.type === 'closed');
  assert.deepEqual([end.code, end.reason], [4000, 'bye now']);
});

test('heartbeat pings from the server and the client pongs show up in the inspector', async (t) => {
  const server = await startTestServer({ heartbeatMs: 30 });
  t.after(() => server.close());
  const watch = inspector(await connect(`${server.wsUrl}/ws/inspect?trace=beats`));
  const client = await connect(`${server.wsUrl}/ws/echo?trace=beats`);
  const ping = await watch.find(isFrame('out', 'ping'));
  assert.equal(ping.wireBytes, 2);
  const pong = await watch.find(isFrame('in', 'pong'));
  assert.equal(pong.wireBytes, 6);
  client.close();
});

test('an inspector that connects late still sees the handshake of an open connection', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const client = await connect(`${server.wsUrl}/ws/echo?trace=late-comer`);
  const watch = inspector(await connect(`${server.wsUrl}/ws/inspect?trace=late-comer`));
  assert.equal((await watch.next()).type, 'handshake');
  client.close();
});

test('drop cuts only this trace without a close frame (1006); others carry on', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const control = await connect(`${server.wsUrl}/ws/inspect?trace=mine`);
  const watch = inspector(control);
  const mine = await connect(`${server.wsUrl}/ws/echo?trace=mine`);
  const theirs = await connect(`${server.wsUrl}/ws/echo?trace=theirs`);
  const untraced = await connect(`${server.wsUrl}/ws/echo`);
  const mineClosed = closed(mine);
  control.send(JSON.stringify({ type: 'drop' }));
  assert.equal((await mineClosed).code, 1006);
  const fault = await watch.find((e): e is Extract<InspectEvent, { type: 'fault' }> => e.type === 'fault');
  assert.deepEqual([fault.fault, fault.connections], ['drop', 1]);
  for (const other of [theirs, untraced]) {
    other.send('still here');
    assert.equal((await nextMessage(other)).data.toString(), 'still here');
  }
  // The same trace may reconnect at once: a drop is not an outage.
  (await connect(`${server.wsUrl}/ws/echo?trace=mine`)).close();
  theirs.close();
  untraced.close();
});

test('an outage refuses this trace with 503 for N seconds, then lets it back', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const control = await connect(`${server.wsUrl}/ws/inspect?trace=outage-1`);
  const mine = await connect(`${server.wsUrl}/ws/echo?trace=outage-1`);
  const mineClosed = closed(mine);
  control.send(JSON.stringify({ type: 'outage', seconds: 2 }));
  assert.equal((await mineClosed).code, 1006);
  const refusal = await refusedUpgrade(`${server.wsUrl}/ws/echo?trace=outage-1`);
  assert.equal(refusal.status, 503);
  assert.match(refusal.body, /simulated outage for trace outage-1: [12] s left/);
  (await connect(`${server.wsUrl}/ws/echo?trace=other-trace`)).close();
  await new Promise((resolve) => setTimeout(resolve, 2100));
  (await connect(`${server.wsUrl}/ws/echo?trace=outage-1`)).close();
});

test('blackhole silences this trace both ways with no close; the server finds it by heartbeat, new connections work', async (t) => {
  const server = await startTestServer({ heartbeatMs: 100 });
  t.after(() => server.close());
  const control = await connect(`${server.wsUrl}/ws/inspect?trace=half-open`);
  const watch = inspector(control);
  const mine = await connect(`${server.wsUrl}/ws/echo?trace=half-open`);
  const echoes: string[] = [];
  mine.on('message', (data) => echoes.push(String(data)));
  const mineClosed = closed(mine);
  control.send(JSON.stringify({ type: 'blackhole' }));
  const fault = await watch.find((e): e is Extract<InspectEvent, { type: 'fault' }> => e.type === 'fault');
  assert.deepEqual([fault.fault, fault.connections], ['blackhole', 1]);
  mine.send('anyone there?');
  // The server keeps pinging into the void, hears no pong, and gives the peer up: no close frame.
  await watch.find(isFrame('out', 'ping'));
  const end = await watch.find((e): e is Extract<InspectEvent, { type: 'closed' }> => e.type === 'closed');
  assert.equal(end.code, 1006);
  assert.equal((await mineClosed).code, 1006);
  assert.deepEqual(echoes, [], 'nothing came back through the blackhole');
  assert.equal(await metric(server.url, 'duplex_drops_total{reason="heartbeat"}'), 1);
  const fresh = await connect(`${server.wsUrl}/ws/echo?trace=half-open`);
  fresh.send('a new flow');
  assert.equal(String((await nextMessage(fresh)).data), 'a new flow');
  fresh.close();
});

test('latency delays only this trace, and keeps its messages in order', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const control = await connect(`${server.wsUrl}/ws/inspect?trace=slow-lane`);
  const watch = inspector(control);
  control.send(JSON.stringify({ type: 'latency', ms: 400 }));
  const fault = await watch.find((e): e is Extract<InspectEvent, { type: 'fault' }> => e.type === 'fault');
  assert.deepEqual([fault.fault, fault.ms], ['latency', 400]);
  const slow = await connect(`${server.wsUrl}/ws/echo?trace=slow-lane`);
  const fast = await connect(`${server.wsUrl}/ws/echo`);
  const order: string[] = [];
  const slowDone = new Promise<void>((resolve) =>
    slow.on('message', (data) => {
      order.push(`slow ${data}`);
      if (String(data) === '2') resolve();
    }),
  );
  slow.send('1');
  slow.send('2');
  fast.send('x');
  order.push(`fast ${(await nextMessage(fast)).data}`);
  await slowDone;
  assert.deepEqual(order, ['fast x', 'slow 1', 'slow 2']);
  slow.close();
  fast.close();
});

test('bad inspector commands get an error and the inspector stays open', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const control = await connect(`${server.wsUrl}/ws/inspect?trace=oops-1`);
  const messages = inbox(control);
  control.send('not json');
  const notJson = await messages.json<{ type: string; code: string; message: string }>();
  assert.deepEqual([notJson.type, notJson.code], ['error', 'bad_json']);
  assert.match(notJson.message, /^not JSON: /);
  control.send(JSON.stringify({ type: 'outage', seconds: 600 }));
  const tooLong = await messages.json<{ code: string; message: string }>();
  assert.equal(tooLong.code, 'bad_message');
  assert.match(tooLong.message, /seconds/);
  control.send(JSON.stringify({ type: 'drop' }));
  assert.equal((await messages.json<{ type: string }>()).type, 'fault');
});

test('a bad trace id is refused with 400 on the inspector and on any endpoint', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  for (const path of ['/ws/inspect?trace=a', '/ws/inspect', '/ws/echo?trace=bad%20id!']) {
    const refusal = await refusedUpgrade(`${server.wsUrl}${path}`);
    assert.equal(refusal.status, 400, path);
    assert.match(refusal.body, /trace must be 4–64 letters/);
  }
});
