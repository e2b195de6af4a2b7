import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, inbox, startTestServer } from '../test-support.ts';
import { rpcDelay } from './rpc.ts';
import { rpcTiming } from '../../protocol/rpc.ts';

test('each waiting answer makes the next one shorter by more than the jitter, down to a floor', () => {
  const worst = (waiting: number) => rpcDelay(waiting, () => 0.999);
  const best = (waiting: number) => rpcDelay(waiting, () => 0);
  for (let waiting = 0; waiting < 3; waiting++) assert.ok(worst(waiting + 1) < best(waiting), `waiting ${waiting}`);
  assert.equal(best(100), rpcTiming.shortestMs);
});

test('three requests in flight together are answered newest first, each with its own id and body', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const ws = await connect(`${server.wsUrl}/ws/rpc`);
  for (const [id, body] of [[1, 'first'], [2, 'second'], [3, 'third']] as const) ws.send(JSON.stringify({ type: 'request', id, body }));
  const box = inbox(ws);
  const answers = [await box.json(), await box.json(), await box.json()];
  assert.deepEqual(answers, [
    { type: 'response', id: 3, body: 'third' },
    { type: 'response', id: 2, body: 'second' },
    { type: 'response', id: 1, body: 'first' },
  ]);
  ws.close();
});

test('a bad request gets an error naming the field and the socket stays open; too many waiting is refused', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const ws = await connect(`${server.wsUrl}/ws/rpc`);
  const box = inbox(ws);
  ws.send('{"type":"request","body":"no id"}');
  assert.deepEqual(await box.json().then((m) => [m.type, m.code]), ['error', 'bad_message']);
  ws.send('not json');
  assert.equal((await box.json()).code, 'bad_json');
  for (let id = 0; id <= rpcTiming.maxPending; id++) ws.send(JSON.stringify({ type: 'request', id, body: 'x' }));
  const refused = await box.find((m) => m.type === 'error');
  assert.equal(refused.code, 'too_many_pending');
  const answered = await box.find<{ type: string; id: number }>((m) => m.type === 'response');
  assert.equal(typeof answered.id, 'number');
  ws.close();
});

test('a client that vanishes with answers still waiting leaves the server answering others', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const ws = await connect(`${server.wsUrl}/ws/rpc`);
  ws.send(JSON.stringify({ type: 'request', id: 'a', body: 'late' }));
  ws.terminate();
  await new Promise((resolve) => setTimeout(resolve, rpcTiming.longestMs + rpcTiming.jitterMs + 50));
  const healthy = await connect(`${server.wsUrl}/ws/rpc`);
  healthy.send(JSON.stringify({ type: 'request', id: 'b', body: 'still here' }));
  assert.deepEqual(await inbox(healthy).json(), { type: 'response', id: 'b', body: 'still here' });
  healthy.close();
});
