import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WebSocket } from 'ws';
import { connect, inbox, refusedUpgrade, startTestServer } from '../test-support.ts';

test('a room relays each message unchanged to every other member, not back to the sender', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const [ann, bob, cy] = await Promise.all([1, 2, 3].map(() => connect(`${server.wsUrl}/ws/room/lab`)));
  const elsewhere = await connect(`${server.wsUrl}/ws/room/other`);
  ann!.send('hello room');
  ann!.send(Buffer.from([1, 2, 3]));
  for (const member of [bob!, cy!]) {
    const text = await inbox(member).next();
    assert.deepEqual([text.data.toString(), text.isBinary], ['hello room', false]);
    const binary = await inbox(member).next();
    assert.deepEqual([binary.data, binary.isBinary], [Buffer.from([1, 2, 3]), true]);
  }
  // The sender and the other room heard nothing: a round trip proves nothing was in flight.
  bob!.send('from bob');
  assert.equal((await inbox(ann!).next()).data.toString(), 'from bob');
  assert.equal(inbox(elsewhere).received.length, 0);
  for (const ws of [ann!, bob!, cy!, elsewhere]) ws.close();
});

test('a bad room name is refused at the upgrade with 400 and the rule', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  for (const path of ['/ws/room/', '/ws/room/a/b', '/ws/room/has%20space', `/ws/room/${'x'.repeat(65)}`, '/ws/chat/no.dots']) {
    const refusal = await refusedUpgrade(`${server.wsUrl}${path}`);
    assert.equal(refusal.status, 400, path);
    assert.match(refusal.body, /room name must be 1–64 letters, digits, "-" or "_"/);
  }
});

test('200 clients in one room each send 20 messages: every other member gets each exactly once, in order', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const clients = 200;
  const perClient = 20;
  const sockets: WebSocket[] = await Promise.all(Array.from({ length: clients }, () => connect(`${server.wsUrl}/ws/room/crowd`)));
  const expected = (clients - 1) * perClient;
  const everyoneDone = Promise.all(
    sockets.map(
      (ws) =>
        new Promise<void>((resolve) => {
          const messages = inbox(ws);
          const check = () => (messages.received.length >= expected ? resolve() : setTimeout(check, 20));
          check();
        }),
    ),
  );
  sockets.forEach((ws, sender) => {
    for (let n = 0; n < perClient; n++) ws.send(`${sender}:${n}`);
  });
  await everyoneDone;
  // Let any duplicate still in flight arrive before counting.
  await new Promise((resolve) => setTimeout(resolve, 100));
  sockets.forEach((ws, receiver) => {
    const bySender = new Map<number, number[]>();
    for (const { data } of inbox(ws).received) {
      const [sender, n] = data.toString().split(':').map(Number) as [number, number];
      bySender.set(sender, [...(bySender.get(sender) ?? []), n]);
    }
    assert.equal(bySender.has(receiver), false, `client ${receiver} got its own message back`);
    assert.equal(bySender.size, clients - 1);
    for (const [sender, ns] of bySender) assert.deepEqual(ns, Array.from({ length: perClient }, (_, i) => i), `${sender}→${receiver}`);
  });
  for (const ws of sockets) ws.close();
});
