import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRoom, joinRoom, startWorkshopServer } from './test-support.ts';
import { applyRoomEvent, keptPastPolls, newRoomRecord, RoomRecord } from './record.ts';
import { ballotsOf } from './poll-views.ts';
import { newSeatId } from './room.ts';

async function setup(t: import('node:test').TestContext) {
  const server = await startWorkshopServer();
  t.after(() => server.close());
  const room = await createRoom(server.wsUrl);
  const attendees = await Promise.all(['Ada', 'Grace, "the admiral"', '=cmd|calc'].map((name) => joinRoom(server.wsUrl, room.code, name)));
  return { server, ...room, attendees };
}

test('a hidden poll: attendees get no totals and no right answer until the host reveals them', async (t) => {
  const { server, host, code, attendees } = await setup(t);
  host.send({ type: 'poll-open', question: 'Which opcode is a ping?', options: ['0x1', '0x9', '0xA'], hidden: true, correct: 1 });
  const opened = (await host.next('poll')).poll;
  assert.deepEqual([opened.hidden, opened.revealed, opened.correct], [true, false, 1], 'the host sees the right answer at once');
  [1, 1, 2].forEach((option, i) => attendees[i]!.client.send({ type: 'vote', poll: opened.id, option }));
  const counted = await host.next('poll', (m) => m.poll.voters === 3);
  assert.deepEqual(counted.poll.options.map((o) => o.votes), [0, 2, 1]);
  for (const { client } of attendees) {
    const seen = (await client.next('poll', (m) => m.poll.voters === 3)).poll;
    assert.deepEqual(seen.options.map((o) => o.votes), [null, null, null], 'no totals in what reaches an attendee');
    assert.equal(seen.correct, null, 'no right answer before the reveal');
  }
  const late = await joinRoom(server.wsUrl, code, 'Late');
  assert.deepEqual(late.welcome.state.poll?.options.map((o) => o.votes), [null, null, null], 'nor in a late welcome');

  host.send({ type: 'poll-reveal' });
  for (const { client } of [...attendees, late]) {
    const revealed = (await client.next('poll', (m) => m.poll.revealed)).poll;
    assert.deepEqual(revealed.options.map((o) => o.votes), [0, 2, 1]);
    assert.equal(revealed.correct, 1);
    assert.equal(revealed.open, false, 'revealing closes the poll');
  }
  late.client.send({ type: 'vote', poll: opened.id, option: 0 });
  assert.equal((await late.client.next('error')).code, 'no_poll');
});

test('a live poll shows totals to everyone as before; a right answer out of range is refused', async (t) => {
  const { host, attendees } = await setup(t);
  host.send({ type: 'poll-open', question: 'q?', options: ['a', 'b'], correct: 2 });
  assert.deepEqual(await host.next('error'), { type: 'error', code: 'bad_message', message: 'correct: this poll has 2 options' });
  host.send({ type: 'poll-open', question: 'q?', options: ['a', 'b'], correct: 0 });
  const { poll } = await host.next('poll');
  attendees[0]!.client.send({ type: 'vote', poll: poll.id, option: 1 });
  const seen = (await attendees[1]!.client.next('poll', (m) => m.poll.voters === 1)).poll;
  assert.deepEqual(seen.options.map((o) => o.votes), [0, 1]);
  assert.equal(seen.correct, null, 'the right answer waits for the reveal even on a live poll');
});

test('the host gets every ballot by name for the export; attendees cannot ask for it', async (t) => {
  const { host, attendees } = await setup(t);
  host.send({ type: 'poll-results' });
  assert.deepEqual(await host.next('error'), { type: 'error', code: 'no_poll', message: 'there is no poll to export' });
  host.send({ type: 'poll-open', question: 'q?', options: ['a', 'b'], hidden: true });
  const { poll } = await host.next('poll');
  [0, 1].forEach((option, i) => attendees[i]!.client.send({ type: 'vote', poll: poll.id, option }));
  await host.next('poll', (m) => m.poll.voters === 2);
  host.send({ type: 'poll-results' });
  const results = await host.next('poll-results');
  assert.deepEqual(results.ballots, [
    { attendee: 'Ada', option: 0 },
    { attendee: 'Grace, "the admiral"', option: 1 },
  ]);
  attendees[2]!.client.send({ type: 'poll-results' });
  assert.equal((await attendees[2]!.client.next('error')).code, 'not_host');
});

test('the host exports every poll of the room at once, oldest first, each with its own ballots', async (t) => {
  const { host, attendees } = await setup(t);
  host.send({ type: 'poll-results-all' });
  assert.deepEqual(await host.next('error'), { type: 'error', code: 'no_poll', message: 'there is no poll to export' });
  const votes = [
    { question: 'first?', options: ['a', 'b'], ballots: [0, 1, 1] },
    { question: 'second?', options: ['x', 'y', 'z'], ballots: [2] },
    { question: 'third?', options: ['p', 'q'], ballots: [] },
  ];
  for (const { question, options, ballots } of votes) {
    host.send({ type: 'poll-open', question, options, correct: 1 });
    const { poll } = await host.next('poll', (m) => m.poll.question === question);
    ballots.forEach((option, i) => attendees[i]!.client.send({ type: 'vote', poll: poll.id, option }));
    if (ballots.length > 0) await host.next('poll', (m) => m.poll.id === poll.id && m.poll.voters === ballots.length);
  }
  host.send({ type: 'poll-results-all' });
  const { polls } = await host.next('poll-results-all');
  assert.deepEqual(
    polls.map(({ poll, ballots }) => [poll.question, poll.open, poll.correct, poll.options.map((o) => o.votes), ballots.map((b) => `${b.attendee}:${b.option}`)]),
    [
      ['first?', false, 1, [1, 2], ['Ada:0', 'Grace, "the admiral":1', '=cmd|calc:1']],
      ['second?', false, 1, [0, 0, 1], ['Ada:2']],
      ['third?', true, 1, [0, 0], []],
    ],
  );
  attendees[0]!.client.send({ type: 'poll-results-all' });
  assert.equal((await attendees[0]!.client.next('error')).code, 'not_host');
});

test('a room keeps its last 20 polls; a room stored before past polls existed reads with none', () => {
  const room = newRoomRecord('ABC234', 'hash');
  for (let i = 1; i <= 25; i++) applyRoomEvent(room, { type: 'poll-open', id: `p${i}`, question: `q${i}?`, options: ['a', 'b'] });
  assert.equal(room.pastPolls.length, keptPastPolls);
  assert.deepEqual([room.pastPolls[0]?.id, room.pastPolls.at(-1)?.id, room.poll?.id], ['p6', 'p24', 'p25']);
  const { pastPolls: _none, ...older } = newRoomRecord('XYZ789', 'hash');
  assert.deepEqual(RoomRecord.parse(older).pastPolls, []);
});

test('ballots are exported in the order they were cast, whatever ids the seats drew, also after a restart', () => {
  const room = newRoomRecord('ABC234', 'hash');
  applyRoomEvent(room, { type: 'poll-open', id: 'p1', question: 'q?', options: ['a', 'b'] });
  // Enough seats that bare hex ids would include all-digit ones (about one in 40 is), which
  // JavaScript would list first.
  const seats = Array.from({ length: 400 }, (_, i) => ({ id: newSeatId(), tokenHash: `t${i}`, name: `n${i}`, state: 'connected' as const, muted: false, lastRun: null }));
  for (const seat of seats) applyRoomEvent(room, { type: 'seat', seat });
  for (const [i, seat] of [...seats].reverse().entries()) applyRoomEvent(room, { type: 'vote', seat: seat.id, option: i % 2 });
  const castOrder = [...seats].reverse().map((seat) => seat.name);
  assert.deepEqual(ballotsOf(room.poll!, room.seats).map((ballot) => ballot.attendee), castOrder);
  const readBack = RoomRecord.parse(JSON.parse(JSON.stringify(room)));
  assert.deepEqual(ballotsOf(readBack.poll!, readBack.seats).map((ballot) => ballot.attendee), castOrder);
});
