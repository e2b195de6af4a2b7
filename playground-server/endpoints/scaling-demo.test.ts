import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type { WebSocket } from 'ws';
import { CloseCode } from '../../protocol/close-codes.ts';
import { ScalingDemoServerMessage, type DemoLine } from '../../protocol/scaling-demo.ts';
import { startCluster } from '../redis-support.ts';
import { closed, connect, inbox, refusedUpgrade, startTestServer } from '../test-support.ts';

const single = await startTestServer();
after(() => single.close());
/** Two real server processes sharing a real redis-server, each the other's demo peer. */
const cluster = await startCluster();

const url = (wsUrl: string, instance: string, mode: string, demo: string, since = '') => `${wsUrl}/ws/scaling-demo/${instance}?mode=${mode}&demo=${demo}${since}`;
const next = async (ws: WebSocket) => ScalingDemoServerMessage.parse(await inbox(ws).json());
const lines = async (ws: WebSocket, count: number) => {
  const found: DemoLine[] = [];
  while (found.length < count) {
    const message = await next(ws);
    if (message.type === 'message') found.push(message);
  }
  return found;
};

const setups = [
  { where: 'one process', a: single.wsUrl, b: single.wsUrl, peer: null },
  { where: 'two processes on Redis', a: cluster.a.wsUrl, b: cluster.b.wsUrl, peer: cluster.b.url },
];

for (const { where, a, b, peer } of setups) {
  for (const mode of ['streams', 'pubsub'] as const) {
    test(`${where}, ${mode}: B stops itself (1001, then 503), A keeps serving, and what A says meanwhile is ${mode === 'streams' ? 'replayed on resume' : 'lost'}`, { timeout: 30_000 }, async () => {
      const demo = `test-${mode}-${Math.random().toString(36).slice(2, 8)}`;
      const onA = await connect(url(a, 'a', mode, demo));
      const welcome = await next(onA);
      assert.deepEqual(welcome, { type: 'welcome', instance: 'a', mode, peer }, 'the welcome says where B is');
      const onB = await connect(url(b, 'b', mode, demo));
      await next(onB);
      onB.send(JSON.stringify({ type: 'say', text: 'hello from B' }));
      const [first] = await lines(onA, 1);
      assert.deepEqual([first!.text, first!.via], ['hello from B', 'b']);
      await lines(onB, 1);

      onA.send(JSON.stringify({ type: 'stop-b' }));
      assert.match((await next(onA)).type, /^error$/, 'A cannot stop B: an instance only stops itself');
      onB.send(JSON.stringify({ type: 'stop-b' }));
      assert.equal((await closed(onB)).code, CloseCode.goingAway);
      assert.equal((await refusedUpgrade(url(b, 'b', mode, demo))).status, 503);
      for (let i = 1; i <= 3; i++) onA.send(JSON.stringify({ type: 'say', text: `meanwhile ${i}` }));
      assert.deepEqual((await lines(onA, 3)).map((l) => l.via), ['a', 'a', 'a'], 'A keeps serving');

      const moved = await connect(url(a, 'a', mode, demo, mode === 'streams' ? `&since=${first!.offset}` : ''));
      moved.send(JSON.stringify({ type: 'say', text: 'back on A' }));
      const seen = await lines(moved, mode === 'streams' ? 4 : 1);
      if (mode === 'streams') assert.deepEqual(seen.map((l) => l.offset), [2, 3, 4, 5], 'nothing lost, nothing twice');
      else assert.deepEqual(seen.map((l) => l.text), ['back on A'], 'the three said meanwhile never reach it');
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(inbox(moved).received.length, 1 + seen.length, 'nothing twice (after the welcome)');
      onA.close();
      moved.close();
    });
  }
}

test('bad demo parameters are refused with a reason; bad messages get an error and the socket stays', async () => {
  assert.equal((await refusedUpgrade(`${single.wsUrl}/ws/scaling-demo/c?mode=streams&demo=abcd`)).status, 400);
  assert.equal((await refusedUpgrade(`${single.wsUrl}/ws/scaling-demo/a?mode=kafka&demo=abcd`)).status, 400);
  assert.equal((await refusedUpgrade(`${single.wsUrl}/ws/scaling-demo/a?mode=streams&demo=x`)).status, 400);
  const ws = await connect(url(single.wsUrl, 'a', 'streams', 'bad-input'));
  await next(ws);
  ws.send('{"type":"say"}');
  assert.equal((await inbox(ws).find<{ type: string }>((m) => m.type === 'error')).type, 'error');
  ws.send(JSON.stringify({ type: 'say', text: 'still here' }));
  assert.equal((await lines(ws, 1))[0]!.text, 'still here');
  ws.close();
});
