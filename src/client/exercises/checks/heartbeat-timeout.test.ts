import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blackholeOnceAnswered, heartbeatTimeout } from './heartbeat-timeout.ts';
import { closed, connecting, faultApplied, frame, logLine, opened, serverFrame } from './fixtures.ts';
import type { RunEvent } from '../../playground/runner/run-protocol.ts';

const url = 'ws://127.0.0.1:4321/ws/echo?trace=r-1';
const blackholeAt = 3600;

/** A ping each 0.5 s from `from` to `to` on socket 1, each echoed 5 ms later while `answered(at)`. */
function pings(from: number, to: number, answered: (at: number) => boolean): RunEvent[] {
  const events: RunEvent[] = [];
  for (let at = from; at <= to; at += 500) {
    events.push(frame('send', 1, at, 'ping'));
    if (answered(at)) events.push(frame('message', 1, at + 5, 'ping'));
  }
  return events;
}

/** Open at 100 ms, pings answered every 0.5 s until the blackhole at 3.6 s, then unanswered until `until`. */
function blackholed(until: number): RunEvent[] {
  return [connecting(1, 0, url), opened(1, 100), ...pings(600, until, (at) => at < blackholeAt), faultApplied(1, blackholeAt, 'blackhole')].sort((a, b) => a.at - b.at);
}

/** The learner's code closes socket 1 at `closeAt` (reconnect()), which reopens 10 ms later and is answered until `until`. */
function closedAndReconnected(closeAt: number, until: number, by: 'client' | 'network' = 'client'): RunEvent[] {
  return [
    ...blackholed(closeAt - 1),
    closed(1, closeAt, by === 'client' ? 1000 : 1006, by === 'client' ? 'reconnect requested' : '', by === 'client', { by }),
    connecting(1, closeAt + 1, url, 2),
    opened(1, closeAt + 10),
    ...pings(closeAt + 510, until, () => true),
  ];
}

test('the solution passes: closed 2 s after the last answer, reconnected, and the new link stays up and answered', () => {
  // Last answer at 3.105 s; the 0.5 s tick sees more than 1.5 s of silence at 5.1 s.
  const events = closedAndReconnected(5100, 12_000);
  const verdict = heartbeatTimeout(events, 12_100);
  assert.equal(verdict.passed, true, verdict.message);
  assert.match(verdict.message, /closed it 2\.0 s after the last answer, then reconnected/);
});

test('the reconnected link is watched longer than the blackholed one lived before the check passes', () => {
  const events = closedAndReconnected(5100, 12_000);
  // The first connection lived 5 s, so the new one must outlive 6.5 s: not yet at 11 s.
  assert.match(heartbeatTimeout(events, 11_000).message, /watching the new link for 6\.5 s/);
});

test('the starter fails: it pings into the silence and never closes the blackholed socket', () => {
  const events = blackholed(20_000);
  assert.match(heartbeatTimeout(events, 5000).message, /the link is blackholed: your pings go nowhere/);
  assert.match(heartbeatTimeout(events, 20_000).message, /silent for 16\.4 s and the socket is still open: the browser will not tell you/);
});

test('cheat: logging "timeout detected" without closing the socket fails', () => {
  const events = [...blackholed(12_000), logLine(5100, 'timeout detected'), logLine(5100, 'reconnecting')];
  assert.match(heartbeatTimeout(events, 12_000).message, /socket is still open/);
});

test('cheat: closing on a fixed timer closes a link that is still answering', () => {
  // reconnect() every 2 s, whatever the answers: the first one lands 0.4 s after an answer.
  const events = [connecting(1, 0, url), opened(1, 100), ...pings(600, 1600, () => true), closed(1, 2000, 1000, 'reconnect requested', true, { by: 'client' })];
  assert.match(heartbeatTimeout(events).message, /closed socket #1 only 0\.4 s after the server last answered: too soon to tell a dead link from a slow answer/);
});

test('cheat: a timer that closes every connection after 5 s passes the first blackhole but not the reconnected link', () => {
  const events = [...closedAndReconnected(5100, 10_000), closed(1, 10_110, 1000, 'reconnect requested', true, { by: 'client' })];
  assert.match(heartbeatTimeout(events, 12_100).message, /closed socket #1 only 0\.5 s after the server last answered/);
});

test("cheat: relying on the browser's close fails: only the server's heartbeat ends a blackholed link, by the network", () => {
  const events = [...blackholed(64_000), closed(1, 64_100, 1006, '', false, { by: 'network' })];
  assert.match(heartbeatTimeout(events, 64_200).message, /closed by the network 60\.5 s after the link went silent, not by your code/);
});

test('closing too late after the answers stopped is named', () => {
  const events = closedAndReconnected(8100, 25_000);
  assert.match(heartbeatTimeout(events, 25_000).message, /closed the link 5\.0 s after the last answer: too late/);
});

test('closing the dead link without reconnecting is not yet enough', () => {
  const events = [...blackholed(5099), closed(1, 5100, 1000, '', true, { by: 'client' })];
  assert.match(heartbeatTimeout(events, 9000).message, /now reconnect/);
});

test('before the blackhole the learner is told what is missing', () => {
  assert.match(heartbeatTimeout([connecting(1, 0, url)]).message, /no socket has opened yet/);
  assert.match(heartbeatTimeout([connecting(1, 0, url), opened(1, 100)]).message, /sends nothing: send 'ping' every 0\.5 s/);
  assert.match(heartbeatTimeout([connecting(1, 0, url), opened(1, 100), ...pings(600, 1600, () => true)]).message, /your pings are answered/);
});

test('the stage blackholes an open, answered link once, at a moment the run draws', () => {
  const events = [connecting(1, 0, url), opened(1, 100), serverFrame(1, 601, 'in', 'text', '/ws/echo', 4, 'ping'), ...pings(600, 4100, () => true)];
  // First answer at 0.605 s: with chance 0 the moment is 1.105 s, with chance 1 it is 3.605 s.
  assert.equal(blackholeOnceAnswered(events, 1100, 0), null);
  assert.deepEqual(blackholeOnceAnswered(events, 1105, 0), { type: 'blackhole' });
  assert.equal(blackholeOnceAnswered(events, 3600, 1), null);
  assert.deepEqual(blackholeOnceAnswered(events, 3605, 1), { type: 'blackhole' });
});

test('the stage waits for an answer, for the socket to be open, and for the server view that carries the fault', () => {
  const unwatched = [connecting(1, 0, url), opened(1, 100), ...pings(600, 4100, () => true)];
  assert.equal(blackholeOnceAnswered(unwatched, 10_000, 0), null);
  assert.equal(blackholeOnceAnswered([connecting(1, 0, url), opened(1, 100), frame('send', 1, 200, 'ping')], 10_000, 0), null);
  const closedNow = [connecting(1, 0, url), opened(1, 100), ...pings(600, 600, () => true), closed(1, 1200, 1000, '', true, { by: 'client' })];
  assert.equal(blackholeOnceAnswered(closedNow, 10_000, 0), null);
});
