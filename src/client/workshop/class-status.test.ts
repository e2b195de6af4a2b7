import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Attendee, ExerciseProgress } from '../../../protocol/workshop.ts';
import { countExercise, defaultStuckRule, describeLinkHealth, exerciseColumns, isStuck, weakLink } from './class-status.ts';

const minute = 60_000;
const progress = (exercise: string, state: ExerciseProgress['state'], at: number, errorsInARow = 0): ExerciseProgress => ({ exercise, state, errorsInARow, startedAt: at, at });
const attendee = (id: string, exercises: ExerciseProgress[], extra: Partial<Attendee> = {}): Attendee => ({
  id,
  name: id,
  state: 'connected',
  muted: false,
  lastRun: null,
  exercises,
  link: { rttMs: 20, reconnects: 0 },
  ...extra,
});

test('columns are exercises newest first, including pushed ones nobody ran yet', () => {
  const class_ = [attendee('a', [progress('snippet-1', 'passed', 10)]), attendee('b', [progress('snippet-2', 'error', 30), progress('snippet-1', 'passed', 20)])];
  assert.deepEqual(exerciseColumns(class_, new Map([['snippet-3', 40]])), ['snippet-3', 'snippet-2', 'snippet-1']);
});

test('counts: passed, errors, running and not started among those present', () => {
  const class_ = [
    attendee('a', [progress('x', 'passed', 1)]),
    attendee('b', [progress('x', 'passed', 1)]),
    attendee('c', [progress('x', 'error', 1, 1)]),
    attendee('d', [progress('x', 'running', 1)]),
    attendee('e', []),
    attendee('f', [progress('x', 'passed', 1)], { state: 'gone' }),
  ];
  assert.deepEqual(countExercise(class_, 'x'), { passed: 2, error: 1, running: 1, notStarted: 1, present: 5 });
});

test('stuck: three errors in a row, or no progress for N minutes; never once passed or gone', () => {
  const rule = defaultStuckRule;
  assert.equal(isStuck(attendee('a', [progress('x', 'error', 0, 3)]), 'x', 0, 1000, rule), true);
  assert.equal(isStuck(attendee('a', [progress('x', 'error', 0, 2)]), 'x', 0, 1000, rule), false);
  assert.equal(isStuck(attendee('a', []), 'x', 0, 5 * minute, rule), true, 'never started, five minutes after the push');
  assert.equal(isStuck(attendee('a', [progress('x', 'running', 4 * minute)]), 'x', 0, 5 * minute, rule), false, 'ran a minute ago');
  assert.equal(isStuck(attendee('a', []), 'x', 0, 2 * minute, { ...rule, minutes: 2 }), true, 'N is configurable');
  assert.equal(isStuck(attendee('a', [progress('x', 'passed', 0)]), 'x', 0, 60 * minute, rule), false);
  assert.equal(isStuck(attendee('a', [], { state: 'gone' }), 'x', 0, 60 * minute, rule), false);
});

test('a link is weak when it is down, slow or keeps dropping, and says why', () => {
  assert.equal(weakLink(attendee('a', [])), false);
  assert.equal(weakLink(attendee('a', [], { state: 'reconnecting' })), true);
  assert.equal(weakLink(attendee('a', [], { link: { rttMs: 450, reconnects: 0 } })), true);
  assert.equal(weakLink(attendee('a', [], { link: { rttMs: 20, reconnects: 3 } })), true);
  assert.equal(describeLinkHealth(attendee('a', [], { link: { rttMs: 20, reconnects: 1 } })), 'connected · 20 ms · 1 reconnect in 10 min');
});
