import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyRoomEvent, newRoomRecord, type RoomEvent, type RoomRecord } from '../workshop/record.ts';
import { liveConformance } from './conformance-live.ts';
import type { Store } from './types.ts';

/** How the suite gets a store: a fresh one, and (for stores that outlive a process) the same one again. */
export interface StoreUnderTest {
  open(historyLimit: number): Promise<Store>;
  /** Opens the same state again after `close`, as a restarted server would; absent for memory. */
  reopen?(historyLimit: number): Promise<Store>;
  /** Another instance on the state `open` made, as a second server would be (stores several instances share). */
  peer?(historyLimit: number): Promise<Store>;
}

const ann = { id: 'u1', name: 'ann' };

/** A room's life in events: seats, a poll with votes, wall posts past the bound, a removal. */
function roomEvents(code: string, extraPosts = 0): RoomEvent[] {
  const seat = (id: string, name: string) => ({ id, tokenHash: `hash-${id}`, name, state: 'connected' as const, muted: false, lastRun: null });
  const posts = Array.from({ length: 5 + extraPosts }, (_, i): RoomEvent => ({
    type: 'wall',
    message: { id: i + 1, from: { id: 's1', name: 'Ada' }, text: `post ${i + 1}`, at: 1000 + i },
    keep: 3,
  }));
  return [
    { type: 'created', code, hostTokenHash: 'host-hash' },
    { type: 'seat', seat: seat('s1', 'Ada') },
    { type: 'seat', seat: seat('s2', 'Grace') },
    { type: 'snippet', snippet: { id: 1, code: 'ws.send(1)', title: 'one', at: 5 } },
    { type: 'follow', location: { lesson: 'frames', slide: 2 } },
    { type: 'poll-open', id: 'p1', question: 'Ready?', options: ['yes', 'no'] },
    { type: 'vote', seat: 's1', option: 0 },
    { type: 'vote', seat: 's2', option: 1 },
    { type: 'poll-close' },
    // A teaching poll: totals hidden until revealed, with a right answer.
    { type: 'poll-open', id: 'p2', question: 'Which opcode is a ping?', options: ['0x1', '0x9'], hidden: true, correct: 1 },
    { type: 'vote', seat: 's1', option: 1 },
    { type: 'poll-reveal' },
    ...posts,
    { type: 'wall-removed', id: 4 + extraPosts },
    { type: 'seat', seat: { ...seat('s2', 'Grace'), state: 'gone', muted: true, lastRun: { ok: true, at: 9 } } },
    { type: 'seat-freed', id: 's2' },
  ];
}

/** What the registry does: the code reserved first, then the room's events. */
async function keepRoom(store: Store, code: string, events: RoomEvent[]): Promise<void> {
  assert.equal(await store.workshop.reserve(code), true, `code ${code} is free`);
  for (const event of events) store.workshop.append(code, event);
}

const reduce = (events: RoomEvent[]): RoomRecord => events.reduce(applyRoomEvent, newRoomRecord('', ''));
const byCode = (rooms: RoomRecord[]) => Object.fromEntries(rooms.map((room) => [room.code, room]));

/**
 * One suite every state store must pass (as Phoenix.PubSub runs one suite over its adapters):
 * the chat and workshop behaviour the endpoints rely on, whatever keeps the data.
 */
export function storeConformance(name: string, subject: StoreUnderTest): void {
  liveConformance(name, subject);
  const withStore = (title: string, body: (store: Store) => Promise<void>, limit = 100) =>
    test(`${name} store: ${title}`, { timeout: 20_000 }, async () => {
      const store = await subject.open(limit);
      try {
        await body(store);
      } finally {
        await store.close();
      }
    });

  withStore('chat seq starts at 1 in each room and grows by one; from, text and at are kept', async (store) => {
    const first = await store.chat.append('a', ann, 'hello');
    const second = await store.chat.append('a', { id: 'u2', name: 'bob' }, 'hi');
    const other = await store.chat.append('b', ann, 'elsewhere');
    assert.deepEqual([first.seq, second.seq, other.seq], [1, 2, 1]);
    assert.deepEqual([second.type, second.from, second.text], ['message', { id: 'u2', name: 'bob' }, 'hi']);
    assert.ok(Math.abs(second.at - Date.now()) < 5000);
  });

  withStore('a read after a seq gives exactly the later lines, in order, as they were appended', async (store) => {
    const lines = [];
    for (const text of ['a', 'b', 'c', 'd']) lines.push(await store.chat.append('r', ann, text));
    const history = await store.chat.read('r', 1);
    assert.deepEqual(history.lines, lines.slice(1));
    assert.equal(history.latestSeq, 4);
    assert.equal(history.truncated, false);
    assert.deepEqual((await store.chat.read('r', 4)).lines, []);
    assert.deepEqual((await store.chat.read('r', null)).lines, [], 'no seq asked: no lines');
  });

  withStore('a new room has seq 0 and an epoch that stays the same while the log is kept', async (store) => {
    const empty = await store.chat.read('new-room', null);
    assert.equal(empty.latestSeq, 0);
    assert.match(empty.epoch, /^[\w-]{1,32}$/);
    await store.chat.append('new-room', ann, 'x');
    assert.equal((await store.chat.read('new-room', 0)).epoch, empty.epoch);
    assert.notEqual((await store.chat.read('another-room', null)).epoch, undefined);
  });

  withStore('only the newest lines are kept; a read from before them says so', async (store) => {
    for (const text of ['a', 'b', 'c', 'd', 'e']) await store.chat.append('small', ann, text);
    const history = await store.chat.read('small', 0);
    assert.deepEqual(history.lines.map((line) => line.seq), [3, 4, 5]);
    assert.equal(history.truncated, true);
    assert.equal((await store.chat.read('small', 2)).truncated, false);
  }, 3);

  withStore('a long-lived room keeps exactly its newest lines, however the store prunes the old ones', async (store) => {
    for (let i = 1; i <= 250; i++) await store.chat.append('long', ann, `m${i}`);
    const history = await store.chat.read('long', 0);
    assert.deepEqual(history.lines.map((line) => line.seq), [246, 247, 248, 249, 250]);
    assert.deepEqual([history.latestSeq, history.truncated], [250, true]);
    assert.deepEqual((await store.chat.read('long', 247)).lines.map((line) => line.text), ['m248', 'm249', 'm250']);
    assert.equal((await store.chat.append('long', ann, 'next')).seq, 251);
  }, 5);

  withStore('appends at the same moment get distinct, consecutive seqs', async (store) => {
    const lines = await Promise.all(Array.from({ length: 50 }, (_, i) => store.chat.append('busy', ann, `m${i}`)));
    assert.deepEqual(lines.map((line) => line.seq).sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i + 1));
    assert.deepEqual((await store.chat.read('busy', 0)).lines.map((line) => line.text).sort(), lines.map((line) => line.text).sort());
  });

  withStore('a follower gets every new line of its room once, in seq order, as the frame the log keeps', async (store) => {
    const got: [number, string][] = [];
    const stop = store.chat.follow('followed', { line: (frame, seq) => got.push([seq, frame]), reset: () => assert.fail('no reset expected') });
    // Subscribing may take a round trip (Redis): the first line is appended once it is in place.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const lines = await Promise.all(Array.from({ length: 20 }, (_, i) => store.chat.append('followed', ann, `f${i}`)));
    await store.chat.append('elsewhere', ann, 'not followed');
    for (let i = 0; i < 100 && got.length < 20; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    stop();
    assert.deepEqual(got.map(([seq]) => seq), Array.from({ length: 20 }, (_, i) => i + 1));
    const kept = (await store.chat.read('followed', 0)).lines;
    assert.deepEqual(got.map(([, frame]) => JSON.parse(frame)), kept);
    assert.deepEqual(kept.map((line) => line.text).sort(), lines.map((line) => line.text).sort());
  });

  withStore('workshop rooms load as their events left them; a removed room is gone', async (store) => {
    await keepRoom(store, 'AAAAAA', roomEvents('AAAAAA'));
    await keepRoom(store, 'BBBBBB', roomEvents('BBBBBB').slice(0, 4));
    await keepRoom(store, 'CCCCCC', [{ type: 'created', code: 'CCCCCC', hostTokenHash: 'h' }]);
    store.workshop.remove('CCCCCC');
    const rooms = byCode(await store.workshop.load());
    assert.deepEqual(Object.keys(rooms).sort(), ['AAAAAA', 'BBBBBB']);
    assert.deepEqual(rooms.AAAAAA, reduce(roomEvents('AAAAAA')));
    assert.deepEqual(rooms.BBBBBB, reduce(roomEvents('BBBBBB').slice(0, 4)));
    assert.deepEqual(rooms.AAAAAA!.wall.map((m) => m.id), [3, 5], 'the wall bound and the removal replayed');
  });

  withStore('a room created again under the same code starts empty', async (store) => {
    await keepRoom(store, 'DDDDDD', roomEvents('DDDDDD'));
    store.workshop.append('DDDDDD', { type: 'created', code: 'DDDDDD', hostTokenHash: 'new' });
    assert.deepEqual(byCode(await store.workshop.load()).DDDDDD, newRoomRecord('DDDDDD', 'new'));
  });

  const { reopen } = subject;
  if (!reopen) return;

  test(`${name} store: after a reopen, chat seq and epoch go on and workshop rooms are back, even after many events`, { timeout: 20_000 }, async () => {
    const store = await subject.open(100);
    for (const text of ['a', 'b', 'c']) await store.chat.append('kept', ann, text);
    const before = await store.chat.read('kept', 0);
    const long = roomEvents('EEEEEE', 600);
    await keepRoom(store, 'EEEEEE', long);
    await store.close();
    const again = await reopen(100);
    try {
      assert.deepEqual(await again.chat.read('kept', 0), before);
      assert.equal((await again.chat.append('kept', ann, 'd')).seq, 4);
      assert.deepEqual(byCode(await again.workshop.load()).EEEEEE, reduce(long));
    } finally {
      await again.close();
    }
  });
}
