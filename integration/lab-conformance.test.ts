import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocket as NodeWebSocket } from 'ws';
import { startTestServer } from '../playground-server/test-support.ts';
import { runLab } from './run-learner-lab.ts';
import { caseCount, runConformance } from '../src/client/lab/conformance-run.ts';

const lessons = join(import.meta.dirname, '..', 'src', 'content', 'docs', 'lessons');
const read = (path: string) => readFileSync(join(lessons, path), 'utf8');

/** The suite as the lab page runs it: through the page's pipe and the real tunnel to the learner's server. */
async function suiteAgainst(code: string, timeoutMs: number, stopAfter?: number) {
  const server = await startTestServer();
  const running = await runLab(server.url, code);
  try {
    const openSocket = (url: string) => new NodeWebSocket(url, { headers: { Origin: server.url } }) as unknown as WebSocket;
    const stop = new AbortController();
    const onResult = (_: unknown, done: number) => void (done === stopAfter && stop.abort());
    return await runConformance(running.lab.url, { openSocket, timeoutMs, signal: stop.signal, onResult });
  } finally {
    running.stop();
    await server.close();
  }
}

test('the chapter’s final server passes the whole conformance suite run the page’s way (no case fails)', async () => {
  const { report, stoppedAfter } = await suiteAgainst(read('lab-room/room.solution.js'), 1000);
  assert.equal(stoppedAfter, null);
  const failed = report.cases.filter((c) => c.verdict === 'fail').map((c) => `${c.id}: ${c.reason}`);
  assert.deepEqual(failed, []);
  assert.equal(report.cases.length, caseCount);
  assert.ok(report.summary.pass >= caseCount - 10, `only ${report.summary.pass} of ${caseCount} pass`);
});

test('the same server with a hard-coded Accept fails every case of the suite run the page’s way', async () => {
  const solution = read('lab-room/room.solution.js');
  const faked = solution.replace('const accept = await acceptFor(key);', "const accept = 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=';");
  assert.notEqual(faked, solution);
  const { report } = await suiteAgainst(faked, 1000);
  assert.equal(report.summary.fail, caseCount);
});

test('Stop ends the page’s run: no case starts after it, and the outcome says after which case', async () => {
  const { report, stoppedAfter } = await suiteAgainst(read('lab-room/room.solution.js'), 1000, 3);
  assert.equal(stoppedAfter, 3);
  assert.deepEqual(report.cases.map((c) => c.verdict), ['pass', 'pass', 'pass']);
});
