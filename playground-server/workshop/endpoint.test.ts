import { test } from 'node:test';
import assert from 'node:assert/strict';
import { refusedUpgrade, startTestServer } from '../test-support.ts';
import { codePattern, WorkshopCloseCode } from '../../protocol/workshop.ts';
import { createRoom, joinRoom, startWorkshopServer, WorkshopClient } from './test-support.ts';

async function setup(t: import('node:test').TestContext, limits = {}) {
  const server = await startWorkshopServer(limits);
  t.after(() => server.close());
  return { server, ...(await createRoom(server.wsUrl)) };
}

test('an instructor creates a room and gets a short code and a host token', async (t) => {
  const server = await startWorkshopServer();
  t.after(() => server.close());
  const host = await WorkshopClient.open(`${server.wsUrl}/new`);
  const created = await host.next('created');
  assert.match(created.code, codePattern);
  assert.ok(created.hostToken.length >= 32);
  const welcome = await host.next('welcome-host');
  assert.deepEqual(welcome.state, { code: created.code, snippet: null, location: null, poll: null, wall: [] });
  assert.deepEqual(welcome.attendees, []);
});

test('the real server mounts the workshop endpoint at /ws/workshop', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const { host, code } = await createRoom(`${server.wsUrl}/ws/workshop`);
  const { welcome } = await joinRoom(`${server.wsUrl}/ws/workshop`, code.toLowerCase(), 'Ada');
  assert.equal(welcome.state.code, code, 'codes are case-insensitive');
  assert.equal((await refusedUpgrade(`${server.wsUrl}/ws/workshop/no!`)).status, 400);
  host.ws.close();
});

test('a malformed code is refused at the upgrade; an unknown one closes with 4404', async (t) => {
  const server = await startWorkshopServer();
  t.after(() => server.close());
  const refusal = await refusedUpgrade(`${server.wsUrl}/abc`);
  assert.equal(refusal.status, 400);
  assert.match(refusal.body, /a workshop code is 6 letters and digits/);
  const client = await WorkshopClient.open(`${server.wsUrl}/ABCDEF`);
  assert.deepEqual(await client.closed, { code: WorkshopCloseCode.noSuchRoom, reason: 'no workshop room ABCDEF: check the code' });
});

test('an attendee joins by code and the host sees them connected', async (t) => {
  const { server, host, code } = await setup(t);
  const { welcome } = await joinRoom(server.wsUrl, code, '  Grace  ');
  assert.equal(welcome.you.name, 'Grace', 'names are trimmed');
  assert.ok(welcome.you.seat.length >= 32);
  const { attendee } = await host.next('attendee');
  assert.deepEqual(attendee, { id: welcome.you.id, name: 'Grace', state: 'connected', muted: false, lastRun: null, exercises: [], link: { rttMs: null, reconnects: 0 } });
});

test('a wrong host token closes the connection with 4403', async (t) => {
  const { server, code } = await setup(t);
  const intruder = await WorkshopClient.open(`${server.wsUrl}/${code}`);
  intruder.send({ type: 'host', token: 'x'.repeat(32) });
  assert.deepEqual(await intruder.closed, { code: WorkshopCloseCode.notHost, reason: 'wrong host token for this room' });
});

test('the host can come back on a new connection with the token', async (t) => {
  const { server, host, code, hostToken } = await setup(t);
  host.ws.close();
  const again = await WorkshopClient.open(`${server.wsUrl}/${code}`);
  again.send({ type: 'host', token: hostToken });
  assert.equal((await again.next('welcome-host')).state.code, code);
});

test('an attendee cannot push, lead, poll, mute or end the room', async (t) => {
  const { server, host, code } = await setup(t);
  const { client } = await joinRoom(server.wsUrl, code, 'Mallory');
  const attempts = [
    { type: 'push', code: 'evil()' },
    { type: 'follow', location: { lesson: 'x', slide: 1 } },
    { type: 'poll-open', question: 'q?', options: ['a', 'b'] },
    { type: 'mute', attendee: 'abc', muted: true },
    { type: 'end' },
  ];
  for (const attempt of attempts) client.send(attempt);
  const errors = [];
  for (const _ of attempts) errors.push(await client.next('error'));
  assert.deepEqual(
    errors.map((e) => `${e.code}: ${e.message}`),
    [
      'not_host: only the host can push snippets',
      'not_host: only the host can lead the room to a slide',
      'not_host: only the host can open polls',
      'not_host: only the host can mute attendees',
      'not_host: only the host can end the workshop',
    ],
  );
  host.send({ type: 'push', code: 'log(1)' });
  assert.equal((await client.next('snippet')).snippet.code, 'log(1)', 'the room is still running');
});

test('a pushed snippet and the slide reach every attendee, and a late joiner catches up', async (t) => {
  const { server, host, code } = await setup(t);
  const attendees = await Promise.all(['A', 'B', 'C'].map((name) => joinRoom(server.wsUrl, code, name)));
  host.send({ type: 'push', code: "const s = connect('/ws/echo');", title: 'Echo' });
  host.send({ type: 'follow', location: { lesson: 'what-is-a-websocket', slide: 3 } });
  for (const { client } of attendees) {
    const { snippet } = await client.next('snippet');
    assert.equal(snippet.code, "const s = connect('/ws/echo');");
    assert.equal(snippet.title, 'Echo');
    assert.deepEqual((await client.next('follow')).location, { lesson: 'what-is-a-websocket', slide: 3 });
  }
  const late = await joinRoom(server.wsUrl, code, 'Late');
  assert.equal(late.welcome.state.snippet?.code, "const s = connect('/ws/echo');");
  assert.deepEqual(late.welcome.state.location, { lesson: 'what-is-a-websocket', slide: 3 });
});

test('poll totals equal the votes cast, one vote per attendee', async (t) => {
  const { server, host, code } = await setup(t);
  const attendees = await Promise.all(['A', 'B', 'C', 'D'].map((name) => joinRoom(server.wsUrl, code, name)));
  host.send({ type: 'poll-open', question: 'Full duplex means?', options: ['both at once', 'one at a time'] });
  const { poll } = await host.next('poll');
  assert.deepEqual(poll.options, [
    { text: 'both at once', votes: 0 },
    { text: 'one at a time', votes: 0 },
  ]);
  const choices = [0, 0, 1, 0];
  attendees.forEach(({ client }, i) => client.send({ type: 'vote', poll: poll.id, option: choices[i] }));
  for (const { client } of attendees) await client.next('voted');
  const final = await host.next('poll', (m) => m.poll.voters === 4);
  assert.deepEqual(final.poll.options.map((o) => o.votes), [3, 1]);

  const first = attendees[0]!.client;
  first.send({ type: 'vote', poll: poll.id, option: 1 });
  assert.deepEqual(await first.next('error'), { type: 'error', code: 'already_voted', message: 'you already voted in this poll' });
  first.send({ type: 'vote', poll: poll.id, option: 7 });
  assert.equal((await first.next('error')).message, 'option: this poll has 2 options');

  host.send({ type: 'poll-close' });
  assert.equal((await host.next('poll', (m) => !m.poll.open)).poll.voters, 4);
  const late = await joinRoom(server.wsUrl, code, 'E');
  late.client.send({ type: 'vote', poll: poll.id, option: 0 });
  assert.deepEqual(await late.client.next('error'), { type: 'error', code: 'no_poll', message: 'this poll is closed' });
});

test('an attendee who drops comes back in the same seat, with their vote, and no duplicate', async (t) => {
  const { server, host, code, hostToken } = await setup(t);
  host.send({ type: 'poll-open', question: 'q?', options: ['a', 'b'] });
  const { poll } = await host.next('poll');
  const first = await joinRoom(server.wsUrl, code, 'Ada');
  const { id, seat } = first.welcome.you;
  first.client.send({ type: 'vote', poll: poll.id, option: 1 });
  await first.client.next('voted');
  first.client.ws.terminate(); // the Wi-Fi goes away
  await host.next('attendee', (m) => m.attendee.id === id && m.attendee.state === 'reconnecting');
  host.send({ type: 'push', code: 'missed()' });

  const back = await joinRoom(server.wsUrl, code, 'someone else', seat);
  assert.deepEqual(back.welcome.you, { id, name: 'Ada', seat, muted: false });
  assert.equal(back.welcome.yourVote, 1);
  assert.equal(back.welcome.state.snippet?.code, 'missed()');
  await host.next('attendee', (m) => m.attendee.id === id && m.attendee.state === 'connected');

  // The same seat from a second tab replaces the first connection instead of adding a row.
  const tab = await joinRoom(server.wsUrl, code, 'Ada', seat);
  assert.equal(tab.welcome.you.id, id);
  assert.deepEqual(await back.client.closed, { code: WorkshopCloseCode.replaced, reason: 'this seat connected again from another tab or network' });
  const console2 = await WorkshopClient.open(`${server.wsUrl}/${code}`);
  console2.send({ type: 'host', token: hostToken });
  const { attendees } = await console2.next('welcome-host');
  assert.deepEqual(attendees.map((a) => [a.id, a.name, a.state]), [[id, 'Ada', 'connected']]);
});

test('the host hears of no LAN address when the server listens on loopback only', async (t) => {
  const server = await startTestServer({ host: '127.0.0.1' });
  t.after(() => server.close());
  const host = await WorkshopClient.open(`${server.wsUrl}/ws/workshop/new`);
  assert.deepEqual((await host.next('welcome-host')).lanOrigins, []);
});

test('an attendee cannot take over another seat: ids are public, seat tokens are not', async (t) => {
  const { server, host, code } = await setup(t);
  const ada = await joinRoom(server.wsUrl, code, 'Ada');
  await host.next('attendee', (m) => m.attendee.name === 'Ada');
  const forger = await joinRoom(server.wsUrl, code, 'Ada', ada.welcome.you.id.padEnd(32, 'x'));
  assert.notEqual(forger.welcome.you.id, ada.welcome.you.id, 'a made-up token gets a seat of its own');
  assert.notEqual(forger.welcome.you.seat, ada.welcome.you.seat);
  const { attendee } = await host.next('attendee', (m) => m.attendee.id === forger.welcome.you.id);
  assert.equal(attendee.state, 'connected');
  ada.client.send({ type: 'run-result', ok: true });
  const update = await host.next('attendee', (m) => m.attendee.lastRun !== null);
  assert.equal(update.attendee.id, ada.welcome.you.id, 'each connection only ever speaks for its own seat');
});
