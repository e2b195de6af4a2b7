import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { CloseCode } from '../../protocol/close-codes.ts';
import { WorkshopCloseCode } from '../../protocol/workshop.ts';
import { startTestServer } from '../test-support.ts';
import type { WorkshopLimits } from './limits.ts';
import { createRoom, joinRoom, startWorkshopServer, WorkshopClient } from './test-support.ts';

async function setup(t: TestContext, limits: Partial<WorkshopLimits> = {}) {
  const server = await startWorkshopServer(limits);
  t.after(() => server.close());
  return { server, ...(await createRoom(server.wsUrl)) };
}

test('a full room turns the next attendee away with 4503 and says why', async (t) => {
  const { server, code } = await setup(t, { maxAttendees: 2 });
  await joinRoom(server.wsUrl, code, 'A');
  await joinRoom(server.wsUrl, code, 'B');
  const third = await WorkshopClient.open(`${server.wsUrl}/${code}`);
  third.send({ type: 'join', name: 'C' });
  assert.deepEqual(await third.closed, { code: WorkshopCloseCode.full, reason: 'the room is full (2 attendees)' });
});

test('a seat whose attendee left is given to a newcomer when the room is full', async (t) => {
  const { server, host, code } = await setup(t, { maxAttendees: 1 });
  const first = await joinRoom(server.wsUrl, code, 'A');
  first.client.send({ type: 'leave' });
  await host.next('attendee', (m) => m.attendee.state === 'gone');
  const second = await joinRoom(server.wsUrl, code, 'B');
  assert.equal(second.welcome.you.name, 'B');
});

test('a server at its room limit refuses another room with 4503', async (t) => {
  const server = await startWorkshopServer({ maxRooms: 1 });
  t.after(() => server.close());
  await createRoom(server.wsUrl);
  const second = await WorkshopClient.open(`${server.wsUrl}/new`);
  assert.deepEqual(await second.closed, { code: WorkshopCloseCode.full, reason: 'this server already runs 1 workshop rooms (WORKSHOP_MAX_ROOMS)' });
});

test('an ended room frees its place for a new one', async (t) => {
  const server = await startWorkshopServer({ maxRooms: 1 });
  t.after(() => server.close());
  const first = await createRoom(server.wsUrl);
  first.host.send({ type: 'end' });
  await first.host.closed;
  const second = await createRoom(server.wsUrl);
  assert.notEqual(second.code, first.code);
});

test('bad JSON and invalid messages get an error and the connection stays open', async (t) => {
  const { server, code } = await setup(t);
  const client = await WorkshopClient.open(`${server.wsUrl}/${code}`);
  client.send('{not json');
  assert.equal((await client.next('error')).code, 'bad_json');
  client.send({ type: 'join', name: '' });
  assert.deepEqual(await client.next('error'), { type: 'error', code: 'bad_message', message: 'name: enter a name' });
  client.send({ type: 'join', name: 'x'.repeat(41) });
  assert.deepEqual(await client.next('error'), { type: 'error', code: 'bad_message', message: 'name: a name has at most 40 characters' });
  client.send({ type: 'dance' });
  assert.match((await client.next('error')).message, /^type: /);
  client.send({ type: 'post', text: 'hi' });
  assert.match((await client.next('error')).message, /^say who you are first/);
  client.ws.send(Buffer.from([1, 2, 3]));
  assert.equal((await client.next('error')).code, 'binary_not_supported');
  client.send({ type: 'join', name: 'Fine' });
  await client.next('welcome');
  client.send({ type: 'join', name: 'Twice' });
  assert.deepEqual(await client.next('error'), { type: 'error', code: 'already_joined', message: 'this connection is already the attendee' });
});

test('the server-wide limits guard the workshop too: a flood closes with 1008, an oversized message with 1009', async (t) => {
  const server = await startTestServer({ rateLimit: 5, rateBurst: 5, maxPayload: 1024 });
  t.after(() => server.close());
  const wsUrl = `${server.wsUrl}/ws/workshop`;
  const { host, code } = await createRoom(wsUrl);
  const { client } = await joinRoom(wsUrl, code, 'Flood');
  for (let i = 0; i < 20; i++) client.send({ type: 'run-result', ok: true });
  assert.equal((await client.closed).code, CloseCode.policyViolation);
  host.send({ type: 'push', code: 'x'.repeat(2000) });
  assert.equal((await host.closed).code, CloseCode.messageTooBig);
});

test('a connection that never says who it is closes with 4408', async (t) => {
  const { server, code } = await setup(t, { helloTimeoutSeconds: 1 });
  const silent = await WorkshopClient.open(`${server.wsUrl}/${code}`);
  assert.equal((await silent.closed).code, WorkshopCloseCode.helloTimeout);
});

test('an attendee who drops shows as reconnecting, then gone after the grace period', async (t) => {
  const { server, host, code } = await setup(t, { reconnectGraceSeconds: 1 });
  const { client } = await joinRoom(server.wsUrl, code, 'Sleepy');
  client.ws.terminate();
  await host.next('attendee', (m) => m.attendee.state === 'reconnecting');
  await host.next('attendee', (m) => m.attendee.state === 'gone');
});

test('the wall keeps text verbatim, honours removal, mutes, length and rate limits', async (t) => {
  const { server, host, code } = await setup(t, { postsPerMinute: 2, messageLength: 20, wallHistory: 2 });
  const xss = '<img src=x onerror=alert(1)>';
  const { client, welcome } = await joinRoom(server.wsUrl, code, xss);
  client.send({ type: 'post', text: '<b>hi</b>' });
  const { message } = await host.next('wall');
  assert.deepEqual(message.from, { id: welcome.you.id, name: xss });
  assert.equal(message.text, '<b>hi</b>');

  client.send({ type: 'post', text: 'x'.repeat(21) });
  assert.deepEqual(await client.next('error'), { type: 'error', code: 'bad_message', message: 'text: a message has at most 20 characters' });
  client.send({ type: 'post', text: 'second' });
  await client.next('wall', (m) => m.message.text === 'second');
  client.send({ type: 'post', text: 'third' });
  assert.deepEqual(await client.next('error'), { type: 'error', code: 'rate_limited', message: 'slow down: at most 2 messages a minute' });

  host.send({ type: 'wall-remove', id: message.id });
  assert.equal((await client.next('wall-removed')).id, message.id);
  host.send({ type: 'mute', attendee: welcome.you.id, muted: true });
  assert.equal((await client.next('muted')).muted, true);
  assert.equal((await host.next('attendee', (m) => m.attendee.muted)).attendee.id, welcome.you.id);
  client.send({ type: 'post', text: 'let me speak' });
  assert.deepEqual(await client.next('error'), { type: 'error', code: 'muted', message: 'the instructor has muted you on the wall' });

  const rejoin = await joinRoom(server.wsUrl, code, 'Other');
  assert.deepEqual(rejoin.welcome.state.wall.map((m) => m.text), ['second'], 'removed messages are not replayed');
});

test('the host ends the room: everyone is told and closed with 4410, and nobody can join again', async (t) => {
  const { server, host, code } = await setup(t);
  const { client } = await joinRoom(server.wsUrl, code, 'A');
  host.send({ type: 'end' });
  await client.next('ended');
  assert.deepEqual(await client.closed, { code: WorkshopCloseCode.ended, reason: 'the host ended the workshop' });
  assert.equal((await host.closed).code, WorkshopCloseCode.ended);
  const late = await WorkshopClient.open(`${server.wsUrl}/${code}`);
  assert.deepEqual(await late.closed, { code: WorkshopCloseCode.ended, reason: 'this workshop has ended' });
});
