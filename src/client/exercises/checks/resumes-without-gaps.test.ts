import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropOnceListening, resumesWithoutGaps } from './resumes-without-gaps.ts';
import { closed, connecting, faultApplied, frame, logLine, opened, serverFrame } from './fixtures.ts';
import type { RunEvent } from '../../playground/runner/run-protocol.ts';

const room = 'ws://127.0.0.1:4321/ws/chat/resume-abc';
const listenerUrl = (since: number) => `${room}?since=${since}&trace=r-1`;
const speaker = 2;
const dropAt = 1000;
const reopenAt = 1600;

/** Chat line `seq` as it arrives on `socket` (the whole JSON in `payload`, as the runner reports it). */
function line(socket: number, at: number, seq: number): RunEvent {
  const text = JSON.stringify({ type: 'message', seq, from: { id: 'u2-a', name: 'guest-2' }, text: `line ${seq}`, at });
  return frame('message', socket, at, text.slice(0, 120), { payload: text });
}

/**
 * The speaker (socket 2, the platform WebSocket) says seq 1–12, one every 150 ms from 150 ms; the
 * listener (socket 1, connect()) hears 1–6 live, is dropped at 1 s and reopens at 1.6 s, having
 * missed 7–10 (said at 1.05–1.5 s); then `replay` lists what the reconnect delivered, and it
 * hears 11–12 live.
 */
function run(replay: readonly number[], reconnectUrl = listenerUrl(6)): RunEvent[] {
  const events: RunEvent[] = [connecting(speaker, 0, `${room}`), opened(speaker, 5), connecting(1, 0, listenerUrl(0)), opened(1, 10)];
  for (let seq = 1; seq <= 12; seq++) {
    const at = seq * 150;
    events.push(line(speaker, at, seq));
    if (at < dropAt) events.push(line(1, at + 1, seq));
  }
  events.push(faultApplied(1, dropAt, 'drop'), closed(1, dropAt + 2, 1006, 'connection lost', false, { by: 'network' }), connecting(1, reopenAt - 5, reconnectUrl, 2), opened(1, reopenAt));
  replay.forEach((seq, i) => events.push(line(1, reopenAt + 1 + i, seq)));
  for (const seq of [11, 12]) events.push(line(1, seq * 150 + 1, seq));
  return events.sort((a, b) => a.at - b.at);
}

const quiet = 12 * 150 + 1600;

test('the solution passes: reconnected with ?since=6, the replay brings 7–10, and every seq 1–12 arrived once', () => {
  const verdict = resumesWithoutGaps(run([7, 8, 9, 10]), quiet);
  assert.equal(verdict.passed, true, verdict.message);
  assert.match(verdict.message, /heard seq 1–12, each exactly once/);
});

test('a gap is judged only once the room has gone quiet', () => {
  assert.match(resumesWithoutGaps(run([]), 12 * 150 + 500).message, /waiting for the room to go quiet/);
});

test('the starter fails: reconnecting without ?since= loses what was said while away', () => {
  assert.match(resumesWithoutGaps(run([], `${room}?trace=r-1`), quiet).message, /seq 7–10 never reached your listener/);
});

test('cheat: reconnecting with ?since=0 replays everything, so seq 1–6 arrive twice', () => {
  const verdict = resumesWithoutGaps(run([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], listenerUrl(0)), quiet);
  assert.match(verdict.message, /seq 1–6 reached your listener more than once/);
});

test('cheat: logging every seq, with the listener really missing some, fails on the wire record', () => {
  const lines = Array.from({ length: 12 }, (_, i) => logLine(2000 + i, `heard seq ${i + 1}`));
  assert.match(resumesWithoutGaps([...run([]), ...lines], quiet).message, /seq 7–10 never reached your listener/);
});

test('cheat: log lines alone, with no socket, fail', () => {
  assert.match(resumesWithoutGaps([logLine(1, 'heard seq 1'), logLine(2, 'heard seq 2')]).message, /no chat line has arrived yet/);
});

test('a listener that did not come back is told to reconnect', () => {
  const events = run([]).filter((event) => !(event.type === 'socket' && event.socket === 1 && event.at >= reopenAt - 5));
  assert.match(resumesWithoutGaps(events, quiet).message, /waiting for it to reconnect/);
});

test('a fresh connect() after the drop counts as the listener', () => {
  const events = run([]).filter((event) => !(event.type === 'socket' && event.socket === 1 && event.at >= reopenAt - 5));
  events.push(connecting(3, reopenAt - 5, `${room}?since=6&trace=r-3`), opened(3, reopenAt));
  [7, 8, 9, 10, 11, 12].forEach((seq, i) => events.push(line(3, reopenAt + 1 + i * 200, seq)));
  assert.equal(resumesWithoutGaps(events, quiet + 1000).passed, true);
});

test('the stage drops the connect() listener once it has heard three lines, never the untraced speaker', () => {
  const base = [connecting(speaker, 0, room), connecting(1, 0, listenerUrl(0)), serverFrame(1, 3, 'out', 'text', '/ws/chat/resume-abc', 90, 'welcome')];
  assert.equal(dropOnceListening([...base, line(speaker, 1, 1), line(speaker, 2, 2), line(speaker, 3, 3), line(1, 4, 1), line(1, 5, 2)], 10, 0, 0), null);
  assert.deepEqual(dropOnceListening([...base, line(1, 4, 1), line(1, 5, 2), line(1, 6, 3)], 10, 0, 0), { type: 'drop' });
  // Once is enough: the page has applied the drop, so the stage is done.
  assert.equal(dropOnceListening([...base, line(1, 4, 1), line(1, 5, 2), line(1, 6, 3)], 10, 0, 1), null);
});

test('the stage waits until the server view of the listener is live, or the drop would be lost', () => {
  const unwatched = [connecting(1, 0, listenerUrl(0)), line(1, 4, 1), line(1, 5, 2), line(1, 6, 3)];
  assert.equal(dropOnceListening(unwatched, 10, 0, 0), null);
});
