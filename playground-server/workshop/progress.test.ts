import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstErrorLine, wireLimits } from '../../protocol/workshop.ts';
import { changedLinks, reconnectWindowMs, SeatProgress } from './progress.ts';
import { createRoom, joinRoom, startWorkshopServer } from './test-support.ts';

test('progress counts errors in a row until a pass, newest exercise first, bounded', () => {
  const progress = new SeatProgress();
  progress.report('ex-1', 'running', undefined, 1);
  progress.report('ex-1', 'error', 'TypeError: x is not a function\n    at run (code.js:3)', 2);
  progress.report('ex-1', 'error', 'TypeError: again', 3);
  assert.deepEqual(progress.exercises(), [{ exercise: 'ex-1', state: 'error', error: 'TypeError: again', errorsInARow: 2, startedAt: 1, at: 3 }]);
  progress.report('ex-1', 'passed', undefined, 4);
  assert.equal(progress.exercises()[0]?.errorsInARow, 0);
  for (let i = 0; i < wireLimits.exercises + 5; i++) progress.report(`n-${i}`, 'running', undefined, 10 + i);
  const kept = progress.exercises();
  assert.equal(kept.length, wireLimits.exercises);
  assert.equal(kept[0]?.exercise, `n-${wireLimits.exercises + 4}`);
});

test('an error is reduced to its first line, cut to what the grid shows', () => {
  assert.equal(firstErrorLine('\n  Error: boom\nstack'), 'Error: boom');
  assert.equal(firstErrorLine('x'.repeat(500)).length, wireLimits.errorLine);
});

test('reconnects count only the last 10 minutes; links are reported only when they change', () => {
  const seat = { id: 'a', progress: new SeatProgress(), socket: { rttMs: 12 } };
  seat.progress.cameBack(0);
  seat.progress.cameBack(1000);
  assert.deepEqual(seat.progress.link(12, 2000), { rttMs: 12, reconnects: 2 });
  assert.deepEqual(changedLinks([seat], 3000), [{ id: 'a', link: { rttMs: 12, reconnects: 2 } }]);
  assert.deepEqual(changedLinks([seat], 3000), [], 'nothing changed, nothing sent');
  seat.socket.rttMs = 40;
  assert.deepEqual(changedLinks([seat], 3000), [{ id: 'a', link: { rttMs: 40, reconnects: 2 } }]);
  assert.deepEqual(seat.progress.link(40, reconnectWindowMs + 500), { rttMs: 40, reconnects: 1 }, 'the return at 0 is over 10 minutes old');
});

test('the host sees an attendee’s exercise status; a bad report is refused and harms no one', async (t) => {
  const server = await startWorkshopServer();
  t.after(() => server.close());
  const { host, code } = await createRoom(server.wsUrl);
  const ada = await joinRoom(server.wsUrl, code, 'Ada');
  ada.client.send({ type: 'progress', exercise: 'snippet-1', state: 'error', error: 'ReferenceError: sokcet is not defined\n  at line 2' });
  const { attendee } = await host.next('attendee', (m) => m.attendee.exercises.length > 0);
  assert.deepEqual(
    attendee.exercises.map(({ exercise, state, error, errorsInARow }) => ({ exercise, state, error, errorsInARow })),
    [{ exercise: 'snippet-1', state: 'error', error: 'ReferenceError: sokcet is not defined', errorsInARow: 1 }],
  );

  ada.client.send({ type: 'progress', exercise: '<img src=x>', state: 'passed' });
  assert.match((await ada.client.next('error')).message, /exercise/);
  ada.client.send({ type: 'progress', exercise: 'snippet-1', state: 'error', error: 'e'.repeat(wireLimits.errorLine + 1) });
  assert.equal((await ada.client.next('error')).code, 'bad_message');
  ada.client.send({ type: 'progress', exercise: 'snippet-1', state: 'passed' });
  const passed = await host.next('attendee', (m) => m.attendee.exercises[0]?.state === 'passed');
  assert.equal(passed.attendee.id, ada.welcome.you.id, 'the connection stays open after a refusal');

  ada.client.ws.close();
  await host.next('attendee', (m) => m.attendee.state === 'reconnecting');
  await joinRoom(server.wsUrl, code, 'Ada', ada.welcome.you.seat);
  const back = await host.next('attendee', (m) => m.attendee.state === 'connected' && m.attendee.link.reconnects === 1);
  assert.equal(back.attendee.exercises[0]?.state, 'passed', 'progress outlives the connection');
});
