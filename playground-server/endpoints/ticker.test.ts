import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tick } from '../../protocol/ticker.ts';
import { connect, inbox, refusedUpgrade, startTestServer } from '../test-support.ts';

test('the ticker pushes numbered ticks and echoes the client at the same time', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const ws = await connect(`${server.wsUrl}/ws/ticker?interval=20`);
  const messages = inbox(ws);
  const first = Tick.parse(await messages.json());
  assert.equal(first.n, 1);
  ws.send('both directions');
  // Read on until the echo and two more ticks have arrived: the echo comes back unchanged
  // while the numbering runs on without a gap.
  const texts: string[] = [];
  let ticksAfterEcho = 0;
  while (ticksAfterEcho < 2) {
    const text = (await messages.next()).data.toString();
    texts.push(text);
    if (texts.includes('both directions') && text.startsWith('{')) ticksAfterEcho++;
  }
  const ticks = texts.filter((text) => text !== 'both directions').map((text) => Tick.parse(JSON.parse(text)).n);
  assert.deepEqual(ticks, ticks.map((_, i) => i + 2));
  assert.equal(texts.filter((text) => text === 'both directions').length, 1);
  ws.close();
});

test('a ticker interval outside 20–10000 ms is refused with 400 and the range', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  for (const bad of ['5', '99999', 'fast', '1.5']) {
    const refusal = await refusedUpgrade(`${server.wsUrl}/ws/ticker?interval=${bad}`);
    assert.equal(refusal.status, 400);
    assert.match(refusal.body, /interval must be a whole number of ms from 20 to 10000/);
  }
});
