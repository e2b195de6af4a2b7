import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseRecording } from '../../../../protocol/recording.ts';
import { recordingPath, replaysARecording } from './replays-a-recording.ts';
import { connecting, fetched, frame, logLine, serverFrame } from './fixtures.ts';
import type { RunEvent } from '../../playground/runner/run-protocol.ts';

const file = readFileSync(new URL('../../../../public/recordings/rpc-session.json', import.meta.url), 'utf8');
const requests = [1, 2, 3].map((id) => JSON.stringify({ type: 'request', id, body: ['price of AAPL', 'price of MSFT', 'price of GOOG'][id - 1] }));
const answer = (id: number) => JSON.stringify({ type: 'response', id, body: ['price of AAPL', 'price of MSFT', 'price of GOOG'][id - 1] });

/** The replay as the runner and the server report it: fetched, three requests in, answers 3, 2, 1 back. */
const replayed: RunEvent[] = [
  fetched(0, 5, recordingPath, 200, file),
  connecting(1, 6, 'ws://127.0.0.1:4321/ws/rpc?trace=t-1'),
  ...requests.flatMap((text, i) => [frame('send', 1, 10 + i, text, { payload: text }), serverFrame(1, 11 + i, 'in', 'text', '/ws/rpc', text.length, text)]),
  ...[3, 2, 1].map((id, i) => frame('message', 1, 100 + i * 100, answer(id), { payload: answer(id) })),
];
const byId = [logLine(101, 'request 3: price of GOOG'), logLine(201, 'request 2: price of MSFT'), logLine(301, 'request 1: price of AAPL')];

test('the shipped recording is a valid Duplex recording, small enough for the run to report its body whole', () => {
  assert.equal(parseRecording(file).ok, true);
  assert.ok(file.length < 4096, `${file.length} characters`);
});

test('the solution passes: the recorded requests replayed in order and each answer logged under its own id', () => {
  assert.deepEqual(replaysARecording([...replayed, ...byId]), {
    passed: true,
    message: 'the 3 recorded requests were replayed to /ws/rpc, and each answer was matched to its request by id.',
  });
});

test('the starter fails: the recording is read, but nothing is replayed', () => {
  assert.match(replaysARecording([fetched(0, 5, recordingPath, 200, file)]).message, /received nothing on \/ws\/rpc: replay the recording's 3 requests/);
});

test('cheat: only log lines with the right pairs, no fetch and no replay, fail', () => {
  assert.match(replaysARecording(byId).message, /fetch the recording first/);
});

test('cheat: the recording\'s bug reproduced, answers paired by arrival order, fails and says why', () => {
  const fifo = [logLine(101, 'request 1: price of GOOG'), logLine(201, 'request 2: price of MSFT'), logLine(301, 'request 3: price of AAPL')];
  assert.match(replaysARecording([...replayed, ...fifo]).message, /you logged "request 1: price of GOOG", but the answer carrying id 1 said "price of AAPL": pair answers by id/);
});

test('cheat: the right lines logged straight from the recording, before any answer arrived, fail', () => {
  const early = [logLine(20, 'request 1: price of AAPL'), logLine(21, 'request 2: price of MSFT'), logLine(22, 'request 3: price of GOOG')];
  assert.match(replaysARecording([...replayed, ...early]).message, /once the answer with id 1 has arrived/);
});

test('requests changed on the way (a new id, another body) are named', () => {
  const changed = JSON.stringify({ type: 'request', id: 1, body: 'price of IBM' });
  const events = [fetched(0, 5, recordingPath, 200, file), serverFrame(1, 11, 'in', 'text', '/ws/rpc', changed.length, changed)];
  assert.match(replaysARecording(events).message, /the server's message 1 was .*price of IBM.*send them unchanged, in order/);
});

test('a recording that is not one is refused with the reader\'s own message', () => {
  assert.match(replaysARecording([fetched(0, 5, recordingPath, 200, '{"hello":1}')]).message, /not a Duplex recording/);
  assert.match(replaysARecording([fetched(0, 5, recordingPath, 404, 'not found')]).message, /could not be fetched \(404\)/);
});
