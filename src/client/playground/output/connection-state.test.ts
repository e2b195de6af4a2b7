import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeConnection, describeConnections, initialConnection, nextConnection, type ConnectionState } from './connection-state.ts';
import type { SocketEvent } from '../runner/run-protocol.ts';

const frame = { binary: false, payloadBytes: 2, preview: 'hi' };
const fold = (events: SocketEvent[]): ConnectionState => events.reduce(nextConnection, initialConnection(1));
const ev = <E extends SocketEvent['event']>(event: E, at: number, extra: object = {}) => ({ type: 'socket', socket: 1, at, event, ...extra }) as Extract<SocketEvent, { event: E }>;

test('a socket that opens reads "open"', () => {
  const state = fold([ev('connecting', 0, { url: 'ws://x', attempt: 1 }), ev('open', 5)]);
  assert.equal(describeConnection(state, 10), 'open');
});

test('after a drop the learner sees a countdown in whole seconds and how many sends are queued', () => {
  const state = fold([
    ev('connecting', 0, { url: 'ws://x', attempt: 1 }),
    ev('open', 5),
    ev('close', 1000, { code: 1006, reason: '', wasClean: false, retryInMs: 2250 }),
    ev('send', 1100, { ...frame, queued: true }),
    ev('send', 1200, { ...frame, queued: true }),
  ]);
  assert.equal(state.status, 'reconnecting');
  assert.equal(describeConnection(state, 1100), 'reconnecting in 3 s after 1006 · 2 queued');
  assert.equal(describeConnection(state, 2300), 'reconnecting in 1 s after 1006 · 2 queued');
  assert.equal(describeConnection(state, 9999), 'reconnecting in 0 s after 1006 · 2 queued');
});

test('the next attempt shows its number, and open empties the queue', () => {
  const down = fold([
    ev('connecting', 0, { url: 'ws://x', attempt: 1 }),
    ev('open', 5),
    ev('close', 1000, { code: 1006, reason: '', wasClean: false, retryInMs: 500 }),
    ev('send', 1100, { ...frame, queued: true }),
    ev('connecting', 1500, { url: 'ws://x', attempt: 2 }),
  ]);
  assert.equal(describeConnection(down, 1501), 'connecting (attempt 2)… · 1 queued');
  const back = nextConnection(down, ev('open', 1510));
  assert.equal(describeConnection(back, 1511), 'open');
  assert.equal(back.retryAt, undefined);
});

test('a close with no retry is final and shows its code and reason', () => {
  const state = fold([ev('open', 5), ev('close', 10, { code: 1008, reason: 'too many messages', wasClean: true })]);
  assert.equal(describeConnection(state, 20), 'closed 1008 (too many messages)');
});

test('sends beyond the queue limit are counted as lost', () => {
  const state = fold([ev('close', 10, { code: 1006, reason: '', wasClean: false, retryInMs: 500 }), ev('send', 20, { ...frame, queued: true, dropped: true })]);
  assert.match(describeConnection(state, 20), /1 lost \(queue full\)/);
});

test('several sockets are listed by number', () => {
  const one = fold([ev('open', 1)]);
  const two = { ...fold([ev('close', 10, { code: 1001, reason: 'bye', wasClean: true })]), socket: 2 };
  assert.equal(describeConnections([one, two], 20), '#1 open | #2 closed 1001 (bye)');
});
