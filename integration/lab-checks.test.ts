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
    return await labChecks[check]({ url: running.lab.url, timeoutMs: 1500, openSocket });
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
