import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { WorkshopClient, createRoom, joinRoom, startWorkshopServer } from './test-support.ts';

async function room(t: TestContext) {
  const server = await startWorkshopServer();
  t.after(() => server.close());
  return { server, ...(await createRoom(server.wsUrl)) };
}

test('a name of only invisible characters or only spaces is refused with a reason; the connection stays open', async (t) => {
  const { server, code } = await room(t);
  const client = await WorkshopClient.open(`${server.wsUrl}/${code}`);
  const refusals: [string, string][] = [
    ['\u200B\u200C\u2060\uFEFF', 'name: enter a name'],
    ['     ', 'name: enter a name'],
    ['\u3164\u3164', 'name: a name needs a visible letter, digit or symbol'],
    ['x'.repeat(41), 'name: a name has at most 40 characters'],
  ];
  for (const [name, message] of refusals) {
    client.send({ type: 'join', name });
    assert.deepEqual(await client.next('error'), { type: 'error', code: 'bad_message', message }, JSON.stringify(name));
  }
  client.send({ type: 'join', name: 'Ada' });
  await client.next('welcome');
});

test('the host sees a name as others would: invisible characters gone, spaces collapsed', async (t) => {
  const { server, host, code } = await room(t);
  const { welcome } = await joinRoom(server.wsUrl, code, '\u200BAda\u200B   \u202ELovelace ');
  assert.equal(welcome.you.name, 'Ada Lovelace');
  assert.equal((await host.next('attendee')).attendee.name, 'Ada Lovelace');
});

test("a long post over a raw socket gets the workshop's own limit message; an invisible one is empty", async (t) => {
  const { server, code } = await room(t);
  const { client } = await joinRoom(server.wsUrl, code, 'Ada');
  client.send({ type: 'post', text: 'x'.repeat(10_000) });
  assert.deepEqual(await client.next('error'), { type: 'error', code: 'bad_message', message: 'text: a message has at most 280 characters' });
  client.send({ type: 'post', text: '\u200B\u200B' });
  assert.deepEqual(await client.next('error'), { type: 'error', code: 'bad_message', message: 'text: the message is empty' });
  client.send({ type: 'post', text: '🙂'.repeat(280) });
  assert.equal((await client.next('wall')).message.text, '🙂'.repeat(280), '280 emoji are 280 characters');
});

test('the page heartbeat: a ping is answered with pong at once, before and after hello', async (t) => {
  const { server, code } = await room(t);
  const client = await WorkshopClient.open(`${server.wsUrl}/${code}`);
  client.send({ type: 'ping' });
  await client.next('pong');
  client.send({ type: 'join', name: 'Ada' });
  await client.next('welcome');
  client.send({ type: 'ping' });
  await client.next('pong');
});
