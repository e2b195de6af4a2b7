import { test } from 'node:test';
import assert from 'node:assert/strict';
import { everyEventOnce } from './every-event-once.ts';
import { fetched, logLine } from './fixtures.ts';
import type { RunEvent } from '../../playground/runner/run-protocol.ts';

const event = (seq: number) => ({ seq, at: seq, data: `tick ${seq}` });

/** One long poll: asked with `since`, answered with the events after it. */
function poll(at: number, since: number, seqs: number[], log = true): RunEvent[] {
  const answer = fetched(at, at + 100, `/poll/long?since=${since}`, 200, { events: seqs.map(event), latestSeq: seqs.at(-1) ?? since });
  return [answer, ...(log ? seqs.map((seq) => logLine(at + 101, `event ${seq}: tick ${seq}`)) : [])];
}

test('the solution passes: since moves to each answer\'s latestSeq, three events once each', () => {
  const events = [...poll(0, 10, [11]), ...poll(200, 11, [12]), ...poll(400, 12, [13])];
  assert.equal(everyEventOnce(events).passed, true);
});

test('the starter fails: since never moves, so the server sends the same event again', () => {
  const events = [...poll(0, 10, [11]), ...poll(200, 10, [11, 12])];
  assert.match(everyEventOnce(events).message, /sent event 11 twice.*since=10/);
});

test('cheat: logging "event 1..3" with no long poll fails', () => {
  const events = [logLine(0, 'event 1: a'), logLine(1, 'event 2: b'), logLine(2, 'event 3: c')];
  assert.match(everyEventOnce(events).message, /no request to \/poll\/long/);
});

test('cheat: polls that moved since correctly but logged made-up numbers fail', () => {
  const events = [...poll(0, 10, [11], false), ...poll(200, 11, [12], false), ...poll(400, 12, [13], false), logLine(500, 'event 1'), logLine(501, 'event 2'), logLine(502, 'event 3')];
  assert.match(everyEventOnce(events).message, /log "event 11/);
});

test('cheat: jumping since ahead skips events and fails', () => {
  const events = [...poll(0, 10, [11]), ...poll(200, 20, [21]), ...poll(400, 21, [22])];
  assert.match(everyEventOnce(events).message, /skipped/);
});
