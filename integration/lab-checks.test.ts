import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer } from '../playground-server/test-support.ts';
import { WebSocket as NodeWebSocket } from 'ws';
import { runLab } from './run-learner-lab.ts';
import { readCheat, replaceOnce } from '../test-support/cheats.ts';
import { labChecks } from '../src/client/lab/checks/lab-checks.ts';

const lessons = join(import.meta.dirname, '..', 'src', 'content', 'docs', 'lessons');
const read = (path: string) => readFileSync(join(lessons, path), 'utf8');

/** The exercise's own cheat (e2e/cheats/<name>.patch), the one the page's check is tried against too. */
const cheatOf = (path: string) => readCheat(path.split('/')[1]!.replace('.solution.js', ''), read(path));

/** Runs `code` as the lab's server and returns the named check's verdict against it. */
async function verdictOf(check: keyof typeof labChecks, code: string) {
  const server = await startTestServer();
  const running = await runLab(server.url, code);
  try {
    // Raw pipes carry the page's Origin, as a worker's or page's socket would.
    const openSocket = (url: string) => new NodeWebSocket(url, { headers: { Origin: server.url } }) as unknown as WebSocket;
    return await labChecks[check]({ url: running.lab.url, timeoutMs: 1500, openSocket, wire: () => running.reports });
  } finally {
    running.stop();
    await server.close();
  }
}

const stages = [
  { check: 'lab-handshake', lesson: 'lab-handshake/handshake' },
  { check: 'lab-read-frames', lesson: 'lab-reading-frames/read-frames' },
  { check: 'lab-send-frames', lesson: 'lab-sending-frames/send-frames' },
  { check: 'lab-control', lesson: 'lab-control-frames/control-frames' },
  { check: 'lab-fragments', lesson: 'lab-fragments/fragments' },
  { check: 'lab-send-fragments', lesson: 'lab-fragments/send-fragments' },
  { check: 'lab-room', lesson: 'lab-room/room' },
] as const;

for (const { check, lesson } of stages) {
  test(`${check}: the stage's solution passes, driven by real sockets through the tunnel`, async () => {
    const verdict = await verdictOf(check, read(`${lesson}.solution.js`));
    assert.ok(verdict.passed, verdict.message);
  });
  test(`${check}: the stage's starter fails`, async () => {
    const verdict = await verdictOf(check, read(`${lesson}.starter.js`));
    assert.equal(verdict.passed, false, verdict.message);
  });
}

test('lab-handshake: a server that answers every key with the RFC example Accept fails', async () => {
  const code = cheatOf('lab-handshake/handshake.solution.js');
  const verdict = await verdictOf('lab-handshake', code);
  assert.equal(verdict.passed, false);
  assert.match(verdict.message, /refused the handshake/);
});

test('lab-read-frames: a server that echoes without unmasking fails', async () => {
  const code = cheatOf('lab-reading-frames/read-frames.solution.js');
  const verdict = await verdictOf('lab-read-frames', code);
  assert.equal(verdict.passed, false);
  assert.match(verdict.message, /still masked/);
});

test('lab-control: a server that closes with 1000 whatever the browser said fails; one that never pings fails', async () => {
  const code = cheatOf('lab-control-frames/control-frames.solution.js');
  const verdict = await verdictOf('lab-control', code);
  assert.equal(verdict.passed, false);
  assert.match(verdict.message, /came back with 1000/);
  const silent = replaceOnce(read('lab-control-frames/control-frames.solution.js'), "socket.write(frame(0x9, new TextEncoder().encode('are you there?')));", '');
  assert.match((await verdictOf('lab-control', silent)).message, /no ping of its own/);
});

test('lab-room: an echo server (each message back to its sender) fails', async () => {
  const verdict = await verdictOf('lab-room', read('lab-reading-frames/read-frames.solution.js'));
  assert.equal(verdict.passed, false);
  assert.match(verdict.message, /never reached socket/);
});

test('lab-room: a server that relays to everyone, the sender included, fails', async () => {
  const code = cheatOf('lab-room/room.solution.js');
  const verdict = await verdictOf('lab-room', code);
  assert.equal(verdict.passed, false);
  assert.match(verdict.message, /got its own message back/);
});

test('lab-fragments: a server that echoes each fragment as it comes fails, and one without the UTF-8 check fails', async () => {
  assert.equal((await verdictOf('lab-fragments', read('lab-control-frames/control-frames.solution.js'))).passed, false);
  const code = cheatOf('lab-fragments/fragments.solution.js');
  const verdict = await verdictOf('lab-fragments', code);
  assert.equal(verdict.passed, false);
  assert.match(verdict.message, /invalid UTF-8/);
});

const sendFragments = read('lab-fragments/send-fragments.solution.js');
const fragmentLine = 'socket.write(frame(i === 0 ? 0x1 : 0x0, piece, i === pieces.length - 1));';

test('lab-send-fragments: a new text frame for each piece instead of continuations fails, and the browser answered 1002', async () => {
  const verdict = await verdictOf('lab-send-fragments', cheatOf('lab-fragments/send-fragments.solution.js'));
  assert.equal(verdict.passed, false);
  assert.match(verdict.message, /frame 3 is a new text frame while your message was still open[^]*close frame with 1002 \(protocol error\)/);
});

test('lab-send-fragments: the whole message in one frame fails, even when the log says it was fragmented', async () => {
  const starter = read('lab-fragments/send-fragments.starter.js');
  const logging = replaceOnce(starter, 'socket.write(frame(0x1, payload));', "socket.write(frame(0x1, payload)); log('sent 3 fragments: text FIN=0, ping, continuation FIN=0, continuation FIN=1');");
  for (const code of [starter, logging]) {
    const verdict = await verdictOf('lab-send-fragments', code);
    assert.equal(verdict.passed, false);
    assert.match(verdict.message, /went out as one frame \(FIN = 1 on the first\)/);
  }
});

test('lab-send-fragments: FIN = 1 on the first fragment fails: the browser takes it alone, then fails on the continuation', async () => {
  const code = replaceOnce(sendFragments, fragmentLine, 'socket.write(frame(i === 0 ? 0x1 : 0x0, piece, i === 0 || i === pieces.length - 1));');
  const verdict = await verdictOf('lab-send-fragments', code);
  assert.equal(verdict.passed, false);
  assert.match(verdict.message, /first fragment has FIN = 1, so the browser took it alone as a whole message/);
});

test('lab-send-fragments: fragments without a control frame between them fail', async () => {
  const code = replaceOnce(sendFragments, "if (i === 0) socket.write(frame(0x9, new TextEncoder().encode('between pieces')));", "if (i === 2) socket.write(frame(0x9, new TextEncoder().encode('after the last')));");
  const verdict = await verdictOf('lab-send-fragments', code);
  assert.equal(verdict.passed, false);
  assert.match(verdict.message, /no control frame came between your fragments/);
});

test('lab-send-fragments: the solution passes from the frames the tunnel carried and the whole message the socket received', async () => {
  const verdict = await verdictOf('lab-send-fragments', sendFragments);
  assert.match(verdict.message, /as 3 frames \(text with FIN = 0, 1 continuation with FIN = 0, a last one with FIN = 1\) with a ping between them[^]*one message of 90 bytes/);
});
