import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatServerMessage, type ChatLine } from '../../protocol/chat.ts';
import { WorkshopCloseCode } from '../../protocol/workshop.ts';
import { freePort, startServerProcess, type ServerProcess } from '../process-support.ts';
import { connect, inbox } from '../test-support.ts';
import { createRoom, joinRoom, WorkshopClient } from '../workshop/test-support.ts';
import type { WebSocket } from 'ws';

const stateDir = (t: import('node:test').TestContext) => {
  const dir = mkdtempSync(join(tmpdir(), 'duplex-state-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** A server process on a fixed port with its own state folder, and a way to restart it there. */
async function restartable(t: import('node:test').TestContext, args: string[] = []) {
  const port = await freePort();
  const dir = stateDir(t);
  const start = () => startServerProcess(port, ['--state-dir', dir, ...args]);
  let server: ServerProcess = await start();
  t.after(() => server.stop('SIGKILL'));
  return {
    dir,
    get server() {
      return server;
    },
    async restart(signal: NodeJS.Signals) {
      await server.stop(signal);
      server = await start();
      return server;
    },
  };
}

for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
  test(`after ${signal} and a restart on the same port, the workshop room is as it was: code, host key, seats, votes, poll, wall, snippet, slide`, { timeout: 30_000 }, async (t) => {
    const run = await restartable(t);
    const ws = () => `${run.server.wsUrl}/ws/workshop`;
    const { host, code, hostToken } = await createRoom(ws());
    host.send({ type: 'push', code: 'socket.send("hi")', title: 'First' });
    host.send({ type: 'follow', location: { lesson: 'what-is-a-websocket', slide: 3 } });
    host.send({ type: 'poll-open', question: 'Ready?', options: ['yes', 'no'] });
    const poll = await host.next('poll');
    const names = ['Ada', 'Grace', 'Linus'];
    const seats = [];
    for (const [i, name] of names.entries()) {
      const { client, welcome } = await joinRoom(ws(), code, name);
      client.send({ type: 'vote', poll: poll.poll.id, option: i % 2 });
      await client.next('voted');
      seats.push({ client, you: welcome.you, option: i % 2 });
    }
    host.send({ type: 'mute', attendee: seats[2]!.you.id, muted: true });
    await seats[2]!.client.next('muted');
    // Wall posts still in flight when the server stops: the room keeps every one it broadcast.
    const poster = seats[0]!.client;
    for (let i = 0; i < 20; i++) poster.send({ type: 'post', text: `note ${i}` });
    await host.next('wall', (m) => m.message.text === 'note 4');
    await host.next('poll', (m) => m.poll.voters === 3);
    const before = (await WorkshopClient.open(`${ws()}/${code}`).then(async (c) => {
      c.send({ type: 'host', token: hostToken });
      return c.next('welcome-host');
    }));

    await run.restart(signal);

    const again = await WorkshopClient.open(`${ws()}/${code}`);
    again.send({ type: 'host', token: hostToken });
    const after = await again.next('welcome-host');
    assert.deepEqual(after.state, before.state, 'snippet, slide, poll totals and wall as the last host welcome showed them');
    assert.deepEqual(after.attendees.map((a) => [a.id, a.name, a.muted]), before.attendees.map((a) => [a.id, a.name, a.muted]));
    assert.ok(after.attendees.every((a) => a.state !== 'connected'), 'nobody is connected right after a restart');
    for (const [i, seat] of seats.entries()) {
      const { welcome } = await joinRoom(ws(), code, 'someone else', seat.you.seat);
      assert.deepEqual(welcome.you, { ...seat.you, muted: i === 2 }, 'the seat token brings back the same seat, still muted if it was');
      assert.equal(welcome.yourVote, seat.option);
      welcome.state.wall.forEach((m, i) => assert.equal(m.id, after.state.wall[0]!.id + i));
    }
    const wrong = await WorkshopClient.open(`${ws()}/${code}`);
    wrong.send({ type: 'host', token: `${hostToken}x` });
    assert.equal((await wrong.closed).code, WorkshopCloseCode.notHost, 'the host key still checks');
  });

  test(`after ${signal} mid-traffic, a chat client resuming with ?since= gets exactly what it missed, once, and seq goes on`, { timeout: 30_000 }, async (t) => {
    // History longer than the burst, so every line written before the stop can be replayed.
    const run = await restartable(t, ['--chat-history', '1000']);
    const url = () => `${run.server.wsUrl}/ws/chat/lab`;
    const reader = await connect(`${url()}?name=reader`);
    const welcome = ChatServerMessage.parse(await inbox(reader).json());
    assert.equal(welcome.type, 'welcome');
    const writer = await connect(`${url()}?name=writer`);
    const seen: string[] = [];
    const lines = (ws: WebSocket) => inbox(ws).received.map((m) => m.data.toString()).filter((text) => text.startsWith('{"type":"message"'));
    for (let i = 0; i < 200; i++) writer.send(JSON.stringify({ type: 'say', text: `m${i}` }));
    // Stop while messages are still being written and delivered.
    while (lines(reader).length < 50) await inbox(reader).next();
    seen.push(...lines(reader));
    await run.restart(signal);
    const last = (JSON.parse(seen.at(-1)!) as ChatLine).seq;

    const resumed = await connect(`${url()}?name=reader&since=${last}&epoch=${welcome.type === 'welcome' ? welcome.epoch : ''}`);
    const again = ChatServerMessage.parse(await inbox(resumed).json());
    assert.ok(again.type === 'welcome');
    assert.equal(again.epoch, welcome.type === 'welcome' && welcome.epoch, 'same epoch: the log was kept');
    const kept = again.latestSeq;
    assert.ok(kept >= last, `the store kept at least what was delivered (${kept} ≥ ${last})`);
    const replay: ChatLine[] = [];
    while (replay.length < kept - last) replay.push(ChatServerMessage.parse(await inbox(resumed).json()) as ChatLine);
    assert.deepEqual(replay.map((l) => l.seq), Array.from({ length: kept - last }, (_, i) => last + 1 + i), 'the missed lines, each once, in order');

    const fresh = await connect(`${url()}?name=late&since=0`);
    await inbox(fresh).json();
    const all: string[] = [];
    while (all.length < kept) all.push((await inbox(fresh).next()).data.toString());
    assert.deepEqual(all.slice(0, seen.length), seen, 'the lines seen before the stop come back byte for byte');

    const writer2 = await connect(`${url()}?name=writer`);
    writer2.send(JSON.stringify({ type: 'say', text: 'after the restart' }));
    const next = (await inbox(resumed).find<ChatLine>((m) => m.type === 'message')) as ChatLine;
    assert.deepEqual([next.seq, next.text], [kept + 1, 'after the restart'], 'seq goes on, never back to 1');
    for (const ws of [resumed, fresh, writer2]) ws.close();
  });
}

test('--ephemeral keeps today\'s behaviour: after a restart the room is gone', { timeout: 30_000 }, async (t) => {
  const run = await restartable(t, ['--ephemeral']);
  const { code } = await createRoom(`${run.server.wsUrl}/ws/workshop`);
  await run.restart('SIGTERM');
  const client = await WorkshopClient.open(`${run.server.wsUrl}/ws/workshop/${code}`);
  assert.equal((await client.closed).code, WorkshopCloseCode.noSuchRoom);
});

test('a corrupt state file stops start-up with one line naming the file, and is left untouched', { timeout: 30_000 }, async (t) => {
  const dir = stateDir(t);
  const file = join(dir, 'duplex.sqlite');
  const garbage = Buffer.from('this is not a database, but somebody may want it back\n'.repeat(100));
  writeFileSync(file, garbage);
  const port = await freePort();
  const failed = await startServerProcess(port, ['--state-dir', dir]).then(
    () => assert.fail('the server started on a corrupt state file'),
    (error: Error) => error.message,
  );
  assert.match(failed, /exited with 1/);
  assert.match(failed, new RegExp(`duplex server: cannot open the state file: file is not a database \\(${file.replaceAll('/', '\\/')}\\)\\. It was left untouched`));
  assert.doesNotMatch(failed, /\n\s+at /, 'no stack trace');
  assert.deepEqual(readFileSync(file), garbage);
});

test('a second server on the same state folder stops at start with one line; the first keeps its rooms', { timeout: 30_000 }, async (t) => {
  const run = await restartable(t);
  const { code } = await createRoom(`${run.server.wsUrl}/ws/workshop`);
  const file = join(run.dir, 'duplex.sqlite');
  const failed = await startServerProcess(await freePort(), ['--state-dir', run.dir]).then(
    (second) => (second.stop('SIGKILL'), assert.fail('a second server opened a state file already in use')),
    (error: Error) => error.message,
  );
  assert.match(failed, /exited with 1/);
  assert.match(failed, new RegExp(`duplex server: another Duplex server is using this state file \\(${file.replaceAll('/', '\\/')}\\)\\. Stop it, or give this server its own --state-dir`));
  assert.doesNotMatch(failed, /\n\s+at /, 'no stack trace');
  // The first server never noticed: its room still answers.
  const { welcome } = await joinRoom(`${run.server.wsUrl}/ws/workshop`, code, 'Ada');
  assert.equal(welcome.type, 'welcome');
});
