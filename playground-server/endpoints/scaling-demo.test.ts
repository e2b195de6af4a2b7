import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { CloseCode } from '../../protocol/close-codes.ts';
import { ScalingDemoServerMessage, type DemoLine } from '../../protocol/scaling-demo.ts';
import { closed, connect, inbox, refusedUpgrade, startTestServer } from '../test-support.ts';

const server = await startTestServer();
after(() => server.close());
const url = (instance: string, mode: string, demo: string, since = '') => `${server.wsUrl}/ws/scaling-demo/${instance}?mode=${mode}&demo=${demo}${since}`;
const lines = async (ws: import('ws').WebSocket, count: number) => {
  const found: DemoLine[] = [];
  while (found.length < count) {
    const message = ScalingDemoServerMessage.parse(await inbox(ws).json());
    if (message.type === 'message') found.push(message);
  }
  return found;
};

for (const mode of ['streams', 'pubsub'] as const) {
  test(`${mode}: stopping B closes its client with 1001, refuses B, and what A says meanwhile is ${mode === 'streams' ? 'replayed on resume' : 'lost'}`, async () => {
    const demo = `test-${mode}`;
    const onA = await connect(url('a', mode, demo));
    const onB = await connect(url('b', mode, demo));
    onB.send(JSON.stringify({ type: 'say', text: 'hello from B' }));
    const [first] = await lines(onA, 1);
    assert.deepEqual([first!.text, first!.via], ['hello from B', 'b']);
    await lines(onB, 1);
    onA.send(JSON.stringify({ type: 'stop-b' }));
    assert.equal((await closed(onB)).code, CloseCode.goingAway);
    assert.equal((await refusedUpgrade(url('b', mode, demo))).status, 503);
    assert.deepEqual((await lines(onA, 3)).map((l) => l.via), ['a', 'a', 'a']);
    const moved = await connect(url('a', mode, demo, mode === 'streams' ? `&since=${first!.offset}` : ''));
    moved.send(JSON.stringify({ type: 'say', text: 'back on A' }));
    const seen = await lines(moved, mode === 'streams' ? 4 : 1);
    if (mode === 'streams') assert.deepEqual(seen.map((l) => l.offset), [2, 3, 4, 5], 'nothing lost, nothing twice');
    else assert.deepEqual(seen.map((l) => l.text), ['back on A'], 'the three said meanwhile never reach it');
    onA.send(JSON.stringify({ type: 'start-b' }));
    await connect(url('b', mode, demo)).then((ws) => ws.close());
    onA.close();
    moved.close();
  });
}

test('bad demo parameters are refused with a reason; bad messages get an error and the socket stays', async () => {
  assert.equal((await refusedUpgrade(`${server.wsUrl}/ws/scaling-demo/c?mode=streams&demo=abcd`)).status, 400);
  assert.equal((await refusedUpgrade(`${server.wsUrl}/ws/scaling-demo/a?mode=kafka&demo=abcd`)).status, 400);
  assert.equal((await refusedUpgrade(`${server.wsUrl}/ws/scaling-demo/a?mode=streams&demo=x`)).status, 400);
  const ws = await connect(url('a', 'streams', 'bad-input'));
  ws.send('{"type":"say"}');
  assert.equal((await inbox(ws).find<{ type: string }>((m) => m.type === 'error')).type, 'error');
  ws.send(JSON.stringify({ type: 'say', text: 'still here' }));
  assert.equal((await lines(ws, 1))[0]!.text, 'still here');
  ws.close();
});
