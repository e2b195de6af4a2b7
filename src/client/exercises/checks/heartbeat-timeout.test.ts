import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blackholeTwice, heartbeatTimeout } from './heartbeat-timeout.ts';
import { closed, connecting, faultApplied, frame, logLine, opened, serverFrame } from './fixtures.ts';
import type { RunEvent } from '../../playground/runner/run-protocol.ts';

const url = (socket: number) => `ws://127.0.0.1:4321/ws/echo?trace=r-${socket}`;

/** A ping each 0.5 s from `from` to `to` on `socket`, each echoed 5 ms later while `answered(at)`. */
function pings(from: number, to: number, answered: (at: number) => boolean, socket = 1): RunEvent[] {
  const events: RunEvent[] = [];
  for (let at = from; at <= to; at += 500) {
    events.push(frame('send', socket, at, 'ping'));
    if (answered(at)) events.push(frame('message', socket, at + 5, 'ping'));
  }
  return events;
}

/**
 * One connection of `socket`: open at `openAt` (connection attempt `attempt`), pinging from 0.5 s
 * later until `until`, answered until the page blackholes it at `blackholeAt` (never, if absent).
 */
function link(openAt: number, until: number, blackholeAt = Infinity, attempt = 1, socket = 1): RunEvent[] {
  return [
    connecting(socket, openAt - 9, url(socket), attempt),
    opened(socket, openAt),
    ...pings(openAt + 500, until, (at) => at < blackholeAt, socket),
    ...(blackholeAt < Infinity ? [faultApplied(socket, blackholeAt, 'blackhole')] : []),
  ].sort((a, b) => a.at - b.at);
}

/** The learner's code (reconnect()) or the network closes socket 1 at `at`. */
const closedBy = (at: number, by: 'client' | 'network' = 'client', socket = 1) =>
  closed(socket, at, by === 'client' ? 1000 : 1006, by === 'client' ? 'reconnect requested' : '', by === 'client', { by });

/**
 * The solution's run: blackholed at 3.6 s (last answer 3.105 s), closed at 5.1 s and reconnected;
 * the new link answers from 5.615 s, is blackholed at 8 s (last answer 7.615 s), closed at 9.6 s,
 * and the third link is answered until `until`.
 */
function caughtTwice(until: number): RunEvent[] {
  return [...link(100, 5099, 3600), closedBy(5100), ...link(5110, 9599, 8000, 2), closedBy(9600), ...link(9610, until, Infinity, 3)];
}

test('the solution passes: both blackholes closed 2 s after the last answer, reconnected, and the last link stays up and answered', () => {
  const verdict = heartbeatTimeout(caughtTwice(16_000), 16_000);
  assert.equal(verdict.passed, true, verdict.message);
  assert.match(verdict.message, /closed it 2\.0 s and 2\.0 s after the last answer, reconnecting each time/);
});

test('after the first blackhole is caught, the check waits for the second', () => {
  const events = [...link(100, 5099, 3600), closedBy(5100), ...link(5110, 7900, Infinity, 2)];
  assert.match(heartbeatTimeout(events, 7900).message, /caught the first blackhole \(closed 2\.0 s after the last answer\)[^]*will blackhole this one too/);
});

test('the last link is watched longer than the second blackholed one lived before the check passes', () => {
  // The second connection lived from 5.11 s to 9.6 s, so the third must outlive 6.0 s: not yet at 15 s.
  assert.match(heartbeatTimeout(caughtTwice(15_000), 15_000).message, /both blackholes caught; watching the new link for 6\.0 s/);
});

test('the starter fails: it pings into the silence and never closes the blackholed socket', () => {
  const events = link(100, 20_000, 3600);
  assert.match(heartbeatTimeout(events, 5000).message, /blackholed \(the first time\): your pings go nowhere/);
  assert.match(heartbeatTimeout(events, 20_000).message, /silent for 16\.4 s since the first blackhole and the socket is still open: the browser will not tell you/);
});

test('cheat: one reconnect() timed 4.5 s after the first answer catches the first blackhole but not the second', () => {
  // First answer at 0.605 s, the timer fires at 5.105 s: inside the window after the first blackhole.
  const oneShot = [...link(100, 5104, 3600), closedBy(5105), ...link(5115, 13_000, 8000, 2)];
  assert.match(heartbeatTimeout(oneShot, 9000).message, /blackholed \(the second time\)/);
  assert.match(heartbeatTimeout(oneShot, 13_000).message, /silent for 5\.0 s since the second blackhole and the socket is still open/);
  // With the server's heartbeat (2 s in e2e) the silent link ends by the network, then reconnects on its own.
  const ended = [...oneShot.filter((event) => event.at < 12_100), closedBy(12_100, 'network'), ...link(13_100, 20_000, Infinity, 3)];
  assert.match(heartbeatTimeout(ended, 20_000).message, /after the second blackhole socket #1 was closed by the network 4\.1 s after the link went silent, not by your code/);
});

test('cheat: logging "timeout detected" without closing the socket fails', () => {
  const events = [...link(100, 12_000, 3600), logLine(5100, 'timeout detected'), logLine(5100, 'reconnecting')];
  assert.match(heartbeatTimeout(events, 12_000).message, /socket is still open/);
});

test('cheat: closing on a fixed timer closes a link that is still answering', () => {
  // reconnect() every 2 s, whatever the answers: the first one lands 0.4 s after an answer.
  const events = [...link(100, 1600), closedBy(2000)];
  assert.match(heartbeatTimeout(events).message, /closed socket #1 only 0\.4 s after the server last answered: too soon to tell a dead link from a slow answer/);
});

test('cheat: a timer that closes every connection 5 s after it opened passes both blackholes but not the last link', () => {
  const events = [...link(100, 5099, 3600), closedBy(5100), ...link(5110, 10_109, 8000, 2), closedBy(10_110), ...link(10_120, 15_119, Infinity, 3), closedBy(15_120)];
  assert.match(heartbeatTimeout(events, 16_000).message, /closed socket #1 only 0\.5 s after the server last answered/);
});

test("cheat: relying on the browser's close fails: only the server's heartbeat ends a blackholed link, by the network", () => {
  const events = [...link(100, 64_000, 3600), closedBy(64_100, 'network')];
  assert.match(heartbeatTimeout(events, 64_200).message, /after the first blackhole socket #1 was closed by the network 60\.5 s after the link went silent, not by your code/);
});

test('closing too late after the answers stopped is named', () => {
  const events = [...link(100, 8099, 3600), closedBy(8100), ...link(8110, 12_000, Infinity, 2)];
  assert.match(heartbeatTimeout(events, 12_000).message, /closed the link 5\.0 s after the last answer: too late/);
});

test('closing the dead link without reconnecting is not yet enough', () => {
  const events = [...link(100, 5099, 3600), closed(1, 5100, 1000, '', true, { by: 'client' })];
  assert.match(heartbeatTimeout(events, 9000).message, /now reconnect/);
});

test('a fresh connect() counts as the reconnected link; the old link repeating the second blackhole is not a strike of its own', () => {
  const events = [
    ...link(100, 5099, 3600),
    closedBy(5100),
    ...link(5110, 9599, 8000, 1, 2),
    // The first socket's inspect link is still open: it carries the second command too, and confirms it.
    faultApplied(1, 8000, 'blackhole', 0),
    closedBy(9600, 'client', 2),
    ...link(9610, 16_000, Infinity, 2, 2),
  ].sort((a, b) => a.at - b.at);
  const verdict = heartbeatTimeout(events, 16_000);
  assert.equal(verdict.passed, true, verdict.message);
});

test('before the blackhole the learner is told what is missing', () => {
  assert.match(heartbeatTimeout([connecting(1, 0, url(1))]).message, /no socket has opened yet/);
  assert.match(heartbeatTimeout([connecting(1, 0, url(1)), opened(1, 100)]).message, /sends nothing: send 'ping' every 0\.5 s/);
  assert.match(heartbeatTimeout(link(100, 1600)).message, /your pings are answered/);
});

const watched = (socket = 1, at = 601) => serverFrame(socket, at, 'in', 'text', '/ws/echo', 4, 'ping');

test('the stage blackholes an open, answered link at a moment drawn for the strike', () => {
  const events = [...link(100, 4100), watched()];
  // First answer at 0.605 s: with chance 0 the moment is 1.105 s, with chance 1 it is 3.605 s.
  assert.equal(blackholeTwice(events, 1100, 0, 0), null);
  assert.deepEqual(blackholeTwice(events, 1105, 0, 0), { type: 'blackhole' });
  assert.equal(blackholeTwice(events, 3600, 1, 0), null);
  assert.deepEqual(blackholeTwice(events, 3605, 1, 0), { type: 'blackhole' });
});

test('the stage strikes again once the reconnected link has answered, and then never more', () => {
  const afterFirst = [...link(100, 5099, 3600), closedBy(5100), ...link(5110, 7000, Infinity, 2), watched()];
  // Sent, not yet confirmed: the second strike waits for the first to be known.
  assert.equal(blackholeTwice(link(100, 3700), 7000, 0, 1), null);
  // The new link's first answer is at 5.615 s: with chance 0.5 the moment is 7.365 s.
  assert.equal(blackholeTwice(afterFirst, 7360, 0.5, 1), null);
  assert.deepEqual(blackholeTwice(afterFirst, 7365, 0.5, 1), { type: 'blackhole' });
  assert.equal(blackholeTwice(caughtTwice(16_000), 16_000, 0, 2), null);
});

test('the stage waits for an answer, for the socket to be open, and for the server view that carries the fault', () => {
  assert.equal(blackholeTwice(link(100, 4100), 10_000, 0, 0), null);
  assert.equal(blackholeTwice([connecting(1, 0, url(1)), opened(1, 100), frame('send', 1, 200, 'ping'), watched(1, 201)], 10_000, 0, 0), null);
  const closedNow = [...link(100, 600), watched(), closed(1, 1200, 1000, '', true, { by: 'client' })];
  assert.equal(blackholeTwice(closedNow, 10_000, 0, 0), null);
  // The first blackhole noticed, but not reconnected yet: nothing to strike.
  assert.equal(blackholeTwice([...link(100, 5099, 3600), watched(), closedBy(5100)], 10_000, 0, 1), null);
});
