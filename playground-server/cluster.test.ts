import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WebSocket } from 'ws';
import { ChatServerMessage, type ChatLine } from '../protocol/chat.ts';
import { CloseCode } from '../protocol/close-codes.ts';
import { PollResponse } from '../protocol/feed.ts';
import type { ServerProcess } from './process-support.ts';
import { startCluster } from './redis-support.ts';
import { closed, connect, inbox } from './test-support.ts';

/** Two real server processes sharing one real redis-server: what a site owner deploys. */
const { redis, a, b } = await startCluster();

const welcomeOf = async (ws: WebSocket) => {
  const message = ChatServerMessage.parse(await inbox(ws).json());
  assert.ok(message.type === 'welcome');
  return message;
};
const nextLine = async (ws: WebSocket) => (await inbox(ws).find<ChatLine>((m) => m.type === 'message')) as ChatLine;
const health = async (server: ServerProcess) => (await (await fetch(`${server.url}/healthz`)).json()) as { store: { kind: string; healthy: boolean } };

test('a chat client on instance A and one on B are in one room: each sees every message once, in seq order, and the other\'s join', { timeout: 30_000 }, async () => {
  const ann = await connect(`${a.wsUrl}/ws/chat/shared?name=ann`);
  await welcomeOf(ann);
  const bob = await connect(`${b.wsUrl}/ws/chat/shared?name=bob`);
  await welcomeOf(bob);
  assert.equal((await inbox(ann).find<{ type: string; member: { name: string } }>((m) => m.type === 'join')).member.name, 'bob');
  for (let i = 0; i < 50; i++) {
    ann.send(JSON.stringify({ type: 'say', text: `a${i}` }));
    bob.send(JSON.stringify({ type: 'say', text: `b${i}` }));
  }
  for (const ws of [ann, bob]) {
    const lines: ChatLine[] = [];
    while (lines.length < 100) lines.push(await nextLine(ws));
    assert.deepEqual(lines.map((l) => l.seq), Array.from({ length: 100 }, (_, i) => i + 1), 'one order for everybody, no gap, no repeat');
    assert.deepEqual(lines.filter((l) => l.from.name === 'ann').map((l) => l.text), Array.from({ length: 50 }, (_, i) => `a${i}`));
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  for (const ws of [ann, bob]) assert.equal(inbox(ws).received.filter((m) => m.data.toString().includes('"type":"message"')).length, 100, 'nothing twice');
  ann.close();
  bob.close();
});

test('presence across instances: a welcome lists the members on both, and a leave on B reaches A', { timeout: 30_000 }, async () => {
  const ann = await connect(`${a.wsUrl}/ws/chat/present?name=ann`);
  await welcomeOf(ann);
  const bob = await connect(`${b.wsUrl}/ws/chat/present?name=bob`);
  assert.deepEqual((await welcomeOf(bob)).members.map((m) => m.name).sort(), ['ann', 'bob']);
  bob.send(JSON.stringify({ type: 'rename', name: 'robert' }));
  await inbox(ann).find<{ type: string }>((m) => m.type === 'rename');
  const cy = await connect(`${a.wsUrl}/ws/chat/present?name=cy`);
  assert.deepEqual((await welcomeOf(cy)).members.map((m) => m.name).sort(), ['ann', 'cy', 'robert']);
  bob.close();
  const leave = await inbox(ann).find<{ type: string; member: { name: string } }>((m) => m.type === 'leave');
  assert.equal(leave.member.name, 'robert');
  const dee = await connect(`${b.wsUrl}/ws/chat/present?name=dee`);
  assert.deepEqual((await welcomeOf(dee)).members.map((m) => m.name).sort(), ['ann', 'cy', 'dee'], 'robert is gone from the list too');
  for (const ws of [ann, cy, dee]) ws.close();
});

test('the event feed is one feed: A and B serve the same events under the same seqs, a WebSocket on B gets them in order', { timeout: 30_000 }, async () => {
  const poll = async (server: ServerProcess, since: number) => PollResponse.parse(await (await fetch(`${server.url}/poll/events?since=${since}`)).json());
  const events = await connect(`${b.wsUrl}/ws/events`);
  let onA = await poll(a, 0);
  // One event a second (the default interval): wait for three.
  while (onA.latestSeq < 3) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    onA = await poll(a, 0);
  }
  const onB = await poll(b, 0);
  const common = onA.events.filter((event) => onB.events.some((other) => other.seq === event.seq));
  assert.ok(common.length >= 2, 'both instances keep the same seqs');
  for (const event of common) assert.deepEqual(onB.events.find((other) => other.seq === event.seq), event, 'the same event, not one made up per instance');
  const live: number[] = [];
  while (live.length < 2) live.push((await inbox(events).json<{ seq: number }>()).seq);
  assert.equal(live[1], live[0]! + 1, 'in order, none missed');
  events.close();
});

test('a client that wrote on A resumes on B with ?since= and gets exactly what it missed', { timeout: 30_000 }, async () => {
  const writer = await connect(`${a.wsUrl}/ws/chat/move?name=w`);
  const { epoch } = await welcomeOf(writer);
  for (let i = 0; i < 10; i++) writer.send(JSON.stringify({ type: 'say', text: `m${i}` }));
  let last: ChatLine | undefined;
  for (let i = 0; i < 10; i++) last = await nextLine(writer);
  const moved = await connect(`${b.wsUrl}/ws/chat/move?name=moved&since=4&epoch=${epoch}`);
  const welcome = await welcomeOf(moved);
  assert.equal(welcome.epoch, epoch);
  const replay: ChatLine[] = [];
  for (let i = 0; i < 6; i++) replay.push(ChatServerMessage.parse(await inbox(moved).json()) as ChatLine);
  assert.deepEqual(replay.map((l) => l.text), ['m4', 'm5', 'm6', 'm7', 'm8', 'm9']);
  assert.equal(last?.seq, 10);
  writer.close();
  moved.close();
});

test('the raw relay room is shared: text and binary from A reach the members on B unchanged, not the sender', { timeout: 30_000 }, async () => {
  const sender = await connect(`${a.wsUrl}/ws/room/relay`);
  const nearby = await connect(`${a.wsUrl}/ws/room/relay`);
  const far = await connect(`${b.wsUrl}/ws/room/relay`);
  await new Promise((resolve) => setTimeout(resolve, 200)); // B's subscription is a round trip to Redis
  sender.send('text one');
  sender.send(Buffer.from([0, 1, 2, 255]));
  for (const ws of [nearby, far]) {
    const first = await inbox(ws).next();
    const second = await inbox(ws).next();
    assert.deepEqual([first.data.toString(), first.isBinary], ['text one', false]);
    assert.deepEqual([[...second.data], second.isBinary], [[0, 1, 2, 255], true]);
  }
  far.send('back from B');
  assert.equal((await inbox(sender).next()).data.toString(), 'back from B');
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(inbox(sender).received.length, 1, 'the sender gets nothing of its own');
  assert.equal(inbox(far).received.length, 2, 'nothing twice');
  for (const ws of [sender, nearby, far]) ws.close();
});

test('an inspector on B sees the handshake and frames of a traced socket that landed on A', { timeout: 30_000 }, async () => {
  const inspector = await connect(`${b.wsUrl}/ws/inspect?trace=across-1`);
  await new Promise((resolve) => setTimeout(resolve, 200)); // B's subscription is a round trip to Redis
  const traced = await connect(`${a.wsUrl}/ws/echo?trace=across-1`);
  traced.send('seen from B');
  const handshake = await inbox(inspector).find<{ type: string; url?: string }>((m) => m.type === 'handshake');
  assert.equal(handshake.url, '/ws/echo?trace=across-1');
  const frame = await inbox(inspector).find<{ type: string; direction?: string; preview?: string }>((m) => m.type === 'frame' && m.direction === 'in');
  assert.equal(frame.preview, 'seen from B');
  traced.close();
  inspector.close();
});

test('Redis killed for 5 s under traffic: both instances stay up and degraded, refuse says, then recover; clients are told the log restarted', { timeout: 60_000 }, async () => {
  const ann = await connect(`${a.wsUrl}/ws/chat/outage?name=ann`);
  const { epoch } = await welcomeOf(ann);
  const bob = await connect(`${b.wsUrl}/ws/chat/outage?name=bob`);
  await welcomeOf(bob);
  ann.send(JSON.stringify({ type: 'say', text: 'before' }));
  assert.equal((await nextLine(bob)).text, 'before');

  await redis.kill();
  for (let i = 0; i < 50 && (await health(a)).store.healthy; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.deepEqual((await health(a)).store, { kind: 'redis', healthy: false });
  assert.match(await (await fetch(`${b.url}/metrics`)).text(), /duplex_store_up\{store="redis"\} 0/);
  ann.send(JSON.stringify({ type: 'say', text: 'during' }));
  const refused = await inbox(ann).find<{ type: string; code?: string }>((m) => m.type === 'error');
  assert.equal(refused.code, 'unavailable', 'a message that cannot be kept is refused, not lost in silence');
  const echo = await connect(`${a.wsUrl}/ws/echo`);
  echo.send('still here');
  assert.equal((await inbox(echo).next()).data.toString(), 'still here', 'the instance serves its own clients');
  echo.close();
  await new Promise((resolve) => setTimeout(resolve, 5000));

  await redis.restart();
  // This Redis keeps nothing on disk: the log is gone, so every follower is told to start over.
  const [annClosed, bobClosed] = await Promise.all([closed(ann), closed(bob)]);
  assert.equal(annClosed.code, CloseCode.serviceRestart);
  assert.equal(bobClosed.code, CloseCode.serviceRestart);
  for (let i = 0; i < 50 && !(await health(b)).store.healthy; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.deepEqual((await health(b)).store, { kind: 'redis', healthy: true });

  const back = await connect(`${b.wsUrl}/ws/chat/outage?name=ann&since=1&epoch=${epoch}`);
  const welcome = await welcomeOf(back);
  assert.notEqual(welcome.epoch, epoch, 'a new epoch: the old seqs name nothing now');
  const reset = ChatServerMessage.parse(await inbox(back).json());
  assert.deepEqual(reset.type === 'error' && reset.code, 'history_reset');
  const other = await connect(`${a.wsUrl}/ws/chat/outage?name=bob`);
  await welcomeOf(other);
  other.send(JSON.stringify({ type: 'say', text: 'after' }));
  const line = await nextLine(back);
  assert.deepEqual([line.seq, line.text], [1, 'after'], 'A and B share the new log: resubscribed after the reconnect');
  back.close();
  other.close();
});
