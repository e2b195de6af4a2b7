import { test } from 'node:test';
import assert from 'node:assert/strict';
import { correlatedRequests } from './correlated-requests.ts';
import { frame, logLine } from './fixtures.ts';
import type { RunEvent } from '../../playground/runner/run-protocol.ts';

const bodies = ['first', 'second', 'third'];
const request = (id: number, at: number) => frame('send', 1, at, JSON.stringify({ type: 'request', id, body: bodies[id - 1] }));
const answer = (id: number, at: number) => frame('message', 1, at, JSON.stringify({ type: 'response', id, body: bodies[id - 1] }));
/** Three requests at once, answered newest first, as /ws/rpc does. */
const exchange: RunEvent[] = [request(1, 1), request(2, 2), request(3, 3), answer(3, 100), answer(2, 220), answer(1, 340)];

test('the solution passes: answers matched by id, whatever order they came in', () => {
  const events = [...exchange, logLine(341, 'reply 1: first'), logLine(342, 'reply 2: second'), logLine(343, 'reply 3: third')];
  assert.equal(correlatedRequests(events).passed, true);
});

test('the starter fails: requests without ids', () => {
  const events = [frame('send', 1, 1, '{"type":"request","body":"first"}'), logLine(100, 'reply ? {"type":"error"}')];
  assert.match(correlatedRequests(events).message, /no \{"type":"request"/);
});

test('cheat: matching first-in-first-out pairs request 1 with the answer to 3, and fails with a hint', () => {
  const events = [...exchange, logLine(101, 'reply 1: third'), logLine(221, 'reply 2: second'), logLine(341, 'reply 3: first')];
  assert.match(correlatedRequests(events).message, /reply 1: third.*match them by id/);
});

test('cheat: one request at a time (awaiting each) fails: nothing was in flight together', () => {
  const events = [request(1, 1), answer(1, 400), request(2, 401), answer(2, 800), request(3, 801), answer(3, 1200), ...bodies.map((body, i) => logLine(1201 + i, `reply ${i + 1}: ${body}`))];
  assert.match(correlatedRequests(events).message, /only 1 request\(s\) were in flight/);
});

test('cheat: "reply" lines logged with no answer from the server fail', () => {
  const events = [request(1, 1), request(2, 2), request(3, 3), ...bodies.map((body, i) => logLine(4 + i, `reply ${i + 1}: ${body}`))];
  assert.match(correlatedRequests(events).message, /0 of 3 answers have arrived/);
});

test('two requests sharing an id fail', () => {
  assert.match(correlatedRequests([request(1, 1), request(1, 2)]).message, /share an id/);
});
