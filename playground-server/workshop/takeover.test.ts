import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from 'redis';
import { CloseCode } from '../../protocol/close-codes.ts';
import { startCluster } from '../redis-support.ts';
import { RoomEvent } from './record.ts';
import { createRoom, joinRoom, resumeAfterTakeover } from './test-support.ts';

/**
 * Two real server processes and a real redis-server. The owner of a room is stopped (SIGSTOP)
 * past its lease, so the other instance takes the room over while the owner is still alive;
 * then the owner is continued (SIGCONT) with its old clients still connected to it.
 */
const { redis, a, b } = await startCluster();
const onA = `${a.wsUrl}/ws/workshop`;
const onB = `${b.wsUrl}/ws/workshop`;

async function roomLog(code: string): Promise<RoomEvent[]> {
  const client = createClient({ url: redis.url });
  await client.connect();
  try {
    return ((await client.xRange(`duplex:workshop:${code}:events`, '-', '+')) ?? []).map((entry) => RoomEvent.parse(JSON.parse(String(entry.message.e))));
  } finally {
    await client.close();
  }
}

test('an owner stalled past its lease is replaced; continued, its late writes are refused, it steps down with 1012, and everyone ends on the new owner with nothing lost or twice', { timeout: 90_000 }, async () => {
  const { host, code, hostToken } = await createRoom(onA);
  const near = await joinRoom(onA, code, 'Near');
  const far = await joinRoom(onB, code, 'Far');
  host.send({ type: 'push', code: 'before the stall' });
  for (const { client } of [near, far]) assert.equal((await client.next('snippet')).snippet.code, 'before the stall');

  a.child.kill('SIGSTOP');
  try {
    // B sees A's heartbeat stop and sends its relayed attendee back; on B, the room is taken over.
    const { back: farBack, console } = await resumeAfterTakeover(onB, code, hostToken, far, 'Far');
    assert.equal(farBack.welcome.state.snippet?.code, 'before the stall');
    console.send({ type: 'push', code: 'served by B' });
    assert.equal((await farBack.client.next('snippet')).snippet.code, 'served by B');

    // Said to the stopped A: it reads them once it runs again, as a stale owner.
    near.client.send({ type: 'post', text: 'late, to the stale owner' });
    host.send({ type: 'push', code: 'late push from the stale owner' });
    a.child.kill('SIGCONT');

    assert.equal((await near.client.closed).code, CloseCode.serviceRestart, 'A stepped down and sent its attendee on');
    assert.equal((await host.closed).code, CloseCode.serviceRestart, 'and its host console');

    // Back through A, which now relays to B: one room, one owner.
    const nearBack = await joinRoom(onA, code, 'Near', near.welcome.you.seat);
    assert.equal(nearBack.welcome.you.id, near.welcome.you.id, 'the same seat');
    assert.equal(nearBack.welcome.state.snippet?.code, 'served by B');
    assert.deepEqual(nearBack.welcome.state.wall, [], 'the stale owner\'s post was not kept');
    console.send({ type: 'push', code: 'to everyone' });
    for (const { client } of [nearBack, farBack]) assert.equal((await client.next('snippet', (m) => m.snippet.code === 'to everyone')).snippet.id, 3);

    const log = await roomLog(code);
    const pushes = log.flatMap((event) => (event.type === 'snippet' ? [event.snippet.code] : []));
    assert.deepEqual(pushes, ['before the stall', 'served by B', 'to everyone'], 'every accepted push once, none of the stale owner\'s');
    assert.equal(log.filter((event) => event.type === 'wall').length, 0);
    for (const client of [nearBack.client, farBack.client, console]) client.ws.close();
  } finally {
    a.child.kill('SIGCONT');
  }
});
