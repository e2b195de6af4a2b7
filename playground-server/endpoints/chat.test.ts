import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChatServerMessage } from '../../protocol/chat.ts';
import { closed, connect, inbox, refusedUpgrade, startTestServer } from '../test-support.ts';
import type { WebSocket } from 'ws';

type Msg = ChatServerMessage;
type Line = Extract<Msg, { type: 'message' }>;

/** The chat messages a client receives, validated with the shared schema. */
const chat = (ws: WebSocket) => ({
  next: async () => ChatServerMessage.parse(await inbox(ws).json()),
  find: async <T extends Msg['type']>(type: T) =>
    ChatServerMessage.parse(await inbox(ws).find<Msg>((m) => m.type === type)) as Extract<Msg, { type: T }>,
});

test('a newcomer is welcomed with who they are and who is here; the others see the join', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const ann = await connect(`${server.wsUrl}/ws/chat/lab?name=ann`);
  const annWelcome = await chat(ann).find('welcome');
  assert.deepEqual(annWelcome.members.map((m) => m.name), ['ann']);
  assert.equal(annWelcome.latestSeq, 0);
  const bob = await connect(`${server.wsUrl}/ws/chat/lab?name=bob`);
  const bobWelcome = await chat(bob).find('welcome');
  assert.equal(bobWelcome.you.name, 'bob');
  assert.deepEqual(bobWelcome.members.map((m) => m.name), ['ann', 'bob']);
  const join = await chat(ann).find('join');
  assert.deepEqual(join.member, bobWelcome.you);
  bob.close();
  const leave = await chat(ann).find('leave');
  assert.equal(leave.member.name, 'bob');
  ann.close();
});

test('chat messages get seq, from and at from the server and reach everyone, the sender too', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const ann = await connect(`${server.wsUrl}/ws/chat/seq-room?name=ann`);
  const bob = await connect(`${server.wsUrl}/ws/chat/seq-room?name=bob`);
  const annId = (await chat(ann).find('welcome')).you.id;
  ann.send(JSON.stringify({ type: 'say', text: 'first', seq: 99, from: { id: 'forged', name: 'x' } }));
  ann.send(JSON.stringify({ type: 'say', text: 'second' }));
  for (const ws of [ann, bob]) {
    const first = await chat(ws).find('message');
    const second = await chat(ws).find('message');
    assert.deepEqual([first.seq, first.text, first.from], [1, 'first', { id: annId, name: 'ann' }]);
    assert.deepEqual([second.seq, second.text], [2, 'second']);
    assert.equal(typeof first.at, 'number');
  }
  ann.send(JSON.stringify({ type: 'rename', name: 'Ann B.' }));
  assert.equal((await chat(bob).find('rename')).member.name, 'Ann B.');
  ann.close();
  bob.close();
});

test('malformed or unknown chat messages get an error and the connection stays open', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const ws = await connect(`${server.wsUrl}/ws/chat/errors`);
  await chat(ws).find('welcome');
  const cases: [string | Buffer, string, RegExp][] = [
    ['{oops', 'bad_json', /^not JSON/],
    [JSON.stringify({ type: 'yell', text: 'hi' }), 'bad_message', /type must be "say" or "rename"/],
    [JSON.stringify({ type: 'say', text: '' }), 'bad_message', /text: text must not be empty/],
    [JSON.stringify({ type: 'say' }), 'bad_message', /text: expected string/],
    [Buffer.from([1, 2]), 'binary_not_supported', /send JSON as a text frame/],
  ];
  for (const [data, code, message] of cases) {
    ws.send(data);
    const error = await chat(ws).find('error');
    assert.equal(error.code, code);
    assert.match(error.message, message);
  }
  ws.send(JSON.stringify({ type: 'say', text: 'still here' }));
  assert.equal((await chat(ws).find('message')).text, 'still here');
  ws.close();
});

test('a client that drops mid-stream and resumes with since gets exactly the missed messages, once', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const talker = await connect(`${server.wsUrl}/ws/chat/resume?name=talker`);
  const listener = await connect(`${server.wsUrl}/ws/chat/resume?name=listener`);
  await chat(listener).find('welcome');
  for (let i = 1; i <= 5; i++) talker.send(JSON.stringify({ type: 'say', text: `m${i}` }));
  let lastSeen = 0;
  while (lastSeen < 3) lastSeen = (await chat(listener).find('message')).seq;
  listener.terminate(); // gone mid-stream, without a goodbye
  await closed(listener);
  for (let i = 6; i <= 8; i++) talker.send(JSON.stringify({ type: 'say', text: `m${i}` }));
  // Wait until the server has numbered everything, via the talker's own copies.
  while ((await chat(talker).find('message')).seq < 8);
  const back = await connect(`${server.wsUrl}/ws/chat/resume?name=listener&since=${lastSeen}`);
  const welcome = await chat(back).find('welcome');
  assert.equal(welcome.latestSeq, 8);
  talker.send(JSON.stringify({ type: 'say', text: 'm9' }));
  const texts: string[] = [];
  while (texts.length < 6) texts.push((await chat(back).find('message')).text);
  assert.deepEqual(texts, ['m4', 'm5', 'm6', 'm7', 'm8', 'm9']);
  talker.close();
  back.close();
});

test('resuming from before the kept history says so, then replays what is kept', async (t) => {
  const server = await startTestServer({ chatHistory: 3 });
  t.after(() => server.close());
  const ws = await connect(`${server.wsUrl}/ws/chat/short`);
  for (let i = 1; i <= 5; i++) ws.send(JSON.stringify({ type: 'say', text: `m${i}` }));
  while ((await chat(ws).find('message')).seq < 5);
  const late = await connect(`${server.wsUrl}/ws/chat/short?since=0`);
  await chat(late).find('welcome');
  const error = await chat(late).next();
  assert.deepEqual(error.type === 'error' && [error.code, error.message], ['history_truncated', 'only the last 3 messages are kept; replay starts at seq 3']);
  const seqs: number[] = [];
  while (seqs.length < 3) seqs.push(((await chat(late).next()) as Line).seq);
  assert.deepEqual(seqs, [3, 4, 5]);
  ws.close();
  late.close();
});

test('bad since or name is refused at the upgrade with 400', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const since = await refusedUpgrade(`${server.wsUrl}/ws/chat/lab?since=-1`);
  assert.deepEqual([since.status, since.body.trim()], [400, 'since must be a whole number ≥ 0 (the last seq you saw)']);
  const name = await refusedUpgrade(`${server.wsUrl}/ws/chat/lab?name=${'n'.repeat(41)}`);
  assert.deepEqual([name.status, name.body.trim()], [400, 'name must be 1–40 characters']);
});
