import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventFeed } from '../feed.ts';
import type { RoomMessage } from '../rooms.ts';
import type { StoreUnderTest } from './conformance.ts';
import type { Store } from './types.ts';

type Heard = { member: string; message: RoomMessage };

/** Rooms of `store` whose members are names; what each member hears is pushed onto `heard`. */
function roomsOf(store: Store, heard: Heard[]) {
  return store.rooms<string>('conformance', (members, message, except) => {
    for (const member of members) if (member !== except) heard.push({ member, message });
  });
}

const text = (data: Buffer | string) => (typeof data === 'string' ? data : `bin:${data.toString('hex')}`);
const heardBy = (heard: Heard[], member: string) => heard.filter((h) => h.member === member).map((h) => text(h.message.data));

/** Waits for `done` in bounded steps (a store may answer through another process). */
async function until(done: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200 && !(await done()); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  assert.ok(await done(), what);
}

/** Feed events seen by a subscriber until it has `count` of them. */
async function feedEvents(feed: EventFeed, count: number) {
  const seen: { seq: number; at: number; data: string }[] = [];
  const stop = feed.subscribe((event) => seen.push(event));
  await until(() => seen.length >= count, `${count} feed events`);
  stop();
  return seen;
}

/**
 * The part of the conformance suite for what is live rather than kept: rooms (raw relay, chat
 * presence), the event feed, and, for stores that several instances share (`peer`), the same
 * across two instances and their member lists. Run by `storeConformance` for every store.
 */
export function liveConformance(name: string, subject: StoreUnderTest): void {
  const withStores = (title: string, body: (store: Store, peer: Store | null) => Promise<void>) =>
    test(`${name} store: ${title}`, { timeout: 20_000 }, async () => {
      const store = await subject.open(100);
      const peer = subject.peer ? await subject.peer(100) : null;
      try {
        await body(store, peer);
      } finally {
        await Promise.all([store.close(), peer?.close()]);
      }
    });

  withStores('a room message reaches every other member once, in order, as sent; not the sender, another room, or one who left', async (store) => {
    const heard: Heard[] = [];
    const rooms = roomsOf(store, heard);
    for (const member of ['ann', 'bob', 'cy']) rooms.join('r1', member);
    rooms.join('r2', 'dee');
    rooms.publish('r1', { data: 'one', isBinary: false }, 'ann');
    rooms.publish('r1', { data: Buffer.from([0, 255]), isBinary: true }, 'ann');
    rooms.leave('r1', 'cy');
    rooms.publish('r1', { data: 'three', isBinary: false });
    await until(() => heardBy(heard, 'ann').length === 1, 'the third message reaches ann');
    assert.deepEqual(heardBy(heard, 'bob'), ['one', 'bin:00ff', 'three']);
    assert.deepEqual(heardBy(heard, 'ann'), ['three']);
    assert.deepEqual(heardBy(heard, 'cy'), ['one', 'bin:00ff']);
    assert.deepEqual(heardBy(heard, 'dee'), []);
    assert.deepEqual([...rooms.members('r1')].sort(), ['ann', 'bob']);
    assert.equal(heard.find((h) => text(h.message.data) === 'bin:00ff')?.message.isBinary, true);
  });

  withStores('the event feed numbers its events one by one; since() gives exactly the later ones; a subscriber gets each once, in order', async (store) => {
    const feed = await store.feed(20);
    try {
      const seen = await feedEvents(feed, 5);
      const seqs = seen.map((event) => event.seq);
      assert.deepEqual(seqs, seqs.map((_, i) => seqs[0]! + i), 'consecutive');
      const later = feed.since(seqs[1]!);
      assert.deepEqual(later.slice(0, seen.length - 2), seen.slice(2), 'since() agrees with what was pushed');
      assert.ok(later.every((event) => event.seq > seqs[1]!));
      assert.deepEqual(feed.since(feed.latestSeq), []);
    } finally {
      feed.stop();
    }
  });

  withStores('a store shared by instances lists the members of the others; one used by a single process has no such list', async (store, peer) => {
    assert.equal(store.presence === null, peer === null, 'presence exactly when instances share the store');
    if (!store.presence || !peer?.presence) return;
    const { presence } = store;
    const others = async (of: Store) => JSON.stringify(await of.presence!.others('lobby'));
    // Each instance writes on its own connection: the other sees it once it has gone through.
    const becomes = (of: Store, expected: unknown, what: string) => until(async () => (await others(of)) === JSON.stringify(expected), what);
    presence.set('lobby', { id: 'u1-a', name: 'ann' });
    peer.presence.set('lobby', { id: 'u1-b', name: 'bob' });
    await becomes(peer, [{ id: 'u1-a', name: 'ann' }], 'the other instance\'s member, not its own');
    await becomes(store, [{ id: 'u1-b', name: 'bob' }], 'and the same seen from there');
    presence.set('lobby', { id: 'u1-a', name: 'ann renamed' });
    await becomes(peer, [{ id: 'u1-a', name: 'ann renamed' }], 'a rename');
    presence.delete('lobby', 'u1-a');
    await becomes(peer, [], 'a member who left');
  });

  if (!subject.peer) return;

  withStores('across two instances: a room message reaches the members on the other once, in order; a chat line is followed there once', async (store, peer) => {
    const here: Heard[] = [];
    const there: Heard[] = [];
    roomsOf(store, here).join('shared', 'ann');
    const far = roomsOf(peer!, there);
    far.join('shared', 'bob');
    const got: number[] = [];
    const stop = peer!.chat.follow('talk', { line: (_frame, seq) => got.push(seq), reset: () => assert.fail('no reset expected') });
    // Subscribing on the other instance takes a round trip: publish once it is in place.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const near = roomsOf(store, here);
    for (let i = 1; i <= 20; i++) near.publish('shared', { data: `m${i}`, isBinary: false }, 'ann');
    for (let i = 0; i < 10; i++) await store.chat.append('talk', { id: 'u1', name: 'ann' }, `line ${i}`);
    await until(() => heardBy(there, 'bob').length >= 20 && got.length >= 10, 'everything reaches the other instance');
    await new Promise((resolve) => setTimeout(resolve, 200));
    stop();
    assert.deepEqual(heardBy(there, 'bob'), Array.from({ length: 20 }, (_, i) => `m${i + 1}`), 'once each, in order');
    assert.deepEqual(heardBy(here, 'ann'), [], 'not back to the sender');
    assert.deepEqual(got, Array.from({ length: 10 }, (_, i) => i + 1));
  });

  withStores('across two instances: one feed, the same events under the same seqs', async (store, peer) => {
    const [one, two] = [await store.feed(20), await peer!.feed(20)];
    try {
      const [a, b] = await Promise.all([feedEvents(one, 8), feedEvents(two, 8)]);
      const bySeq = new Map(a.map((event) => [event.seq, event]));
      const common = b.filter((event) => bySeq.has(event.seq));
      assert.ok(common.length >= 4, `the instances saw the same events (${common.length} in common)`);
      for (const event of common) assert.deepEqual(event, bySeq.get(event.seq));
    } finally {
      one.stop();
      two.stop();
    }
  });
}
