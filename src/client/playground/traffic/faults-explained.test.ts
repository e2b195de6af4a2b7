import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstUse } from './faults-explained.ts';

const memory = (initial: Record<string, string> = {}) => {
  const items = new Map(Object.entries(initial));
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
};

test('each fault is a first use once per storage, independently of the others', () => {
  const storage = memory();
  assert.equal(firstUse(storage, 'drop'), true);
  assert.equal(firstUse(storage, 'drop'), false);
  assert.equal(firstUse(storage, 'blackhole'), true);
  assert.equal(firstUse(storage, 'drop'), false);
  assert.equal(firstUse(storage, 'blackhole'), false);
});

test('unreadable storage counts as nothing seen, and is replaced by a readable record', () => {
  for (const junk of ['{not json', '{"drop":true}', '[1,2]', 'null']) {
    const storage = memory({ 'duplex.playground.faults-explained': junk });
    assert.equal(firstUse(storage, 'drop'), true, junk);
    assert.equal(firstUse(storage, 'drop'), false, junk);
  }
});

test('storage that refuses writes explains every time rather than never', () => {
  const refusing = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
  assert.equal(firstUse(refusing, 'drop'), true);
  assert.equal(firstUse(refusing, 'drop'), true);
});
