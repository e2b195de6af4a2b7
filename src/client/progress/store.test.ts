import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lessonStatus, markPassed, markVisited, readProgress } from './store.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

const frames = { id: 'lessons/frames', href: '/lessons/frames/', title: 'Frames on the wire' };

test('a learner who never opened a lesson has no progress', () => {
  const progress = readProgress(memoryStorage());
  assert.deepEqual(progress, { lessons: {} });
  assert.equal(lessonStatus(progress, frames.id, ['binary-length']), 'new');
});

test('opening a lesson marks it visited and remembers it as the place to continue', () => {
  const storage = memoryStorage();
  markVisited(storage, frames, 1000);
  const progress = readProgress(storage);
  assert.equal(lessonStatus(progress, frames.id, ['binary-length']), 'visited');
  assert.deepEqual(progress.last, { ...frames, at: 1000 });
});

test('a lesson counts as passed only when all its exercises are', () => {
  const storage = memoryStorage();
  markVisited(storage, frames, 1000);
  markPassed(storage, frames.id, 'binary-length', 2000);
  assert.equal(lessonStatus(readProgress(storage), frames.id, ['binary-length', 'close-well']), 'visited');
  markPassed(storage, frames.id, 'close-well', 3000);
  markPassed(storage, frames.id, 'close-well', 4000);
  assert.deepEqual(readProgress(storage).lessons[frames.id]?.passed, ['binary-length', 'close-well']);
  assert.equal(lessonStatus(readProgress(storage), frames.id, ['binary-length', 'close-well']), 'passed');
});

test('revisiting a lesson keeps the exercises already passed', () => {
  const storage = memoryStorage();
  markPassed(storage, frames.id, 'binary-length', 2000);
  markVisited(storage, frames, 3000);
  assert.deepEqual(readProgress(storage).lessons[frames.id], { visitedAt: 3000, passed: ['binary-length'] });
});

test('garbage in storage (hand-edited, old format) is treated as a fresh start, not a crash', () => {
  for (const junk of ['not json', '{"lessons": 3}', '[]', '{"lessons":{"x":{"visitedAt":"soon"}}}']) {
    assert.deepEqual(readProgress(memoryStorage({ 'duplex:progress:v1': junk })), { lessons: {} });
  }
});

test('a storage that refuses writes does not break the lesson', () => {
  const storage = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
  assert.doesNotThrow(() => markVisited(storage, frames, 1));
});
