import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SharedRun } from '../../../protocol/workshop.ts';
import { sampleRecording } from '../../../test-support/recording.ts';
import { forgetSharedRuns, loadSharedRuns, saveSharedRuns, type Store } from './shared-run-store.ts';

/** A tab's sessionStorage: strings by key, with a quota in characters as browsers have one. */
function tabStorage(quota = Infinity): Store & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => {
      const used = [...items].reduce((sum, [k, v]) => sum + (k === name ? 0 : k.length + v.length), 0);
      if (used + name.length + value.length > quota) throw new DOMException('full', 'QuotaExceededError');
      items.set(name, value);
    },
    removeItem: (name) => void items.delete(name),
  };
}

const run = (id: number, name: string): SharedRun => ({ type: 'shared-run', id, from: { id: `a-${id}`, name }, at: 1_700_000_000_000 + id, recording: sampleRecording(`log(${id})`, 4, 'x') });

test('shared runs saved for a room come back the same after a reload, newest first; other rooms keep their own', () => {
  const store = tabStorage();
  saveSharedRuns(store, 'ABC234', [run(2, 'Grace'), run(1, 'Ada')]);
  saveSharedRuns(store, 'XYZ789', [run(3, 'Linus')]);
  assert.deepEqual(loadSharedRuns(store, 'ABC234'), { runs: [run(2, 'Grace'), run(1, 'Ada')], dropped: [] });
  assert.deepEqual(loadSharedRuns(store, 'XYZ789').runs.map((r) => r.from.name), ['Linus']);
  assert.deepEqual(loadSharedRuns(store, 'NONE22'), { runs: [], dropped: [] });
});

test('a damaged entry is dropped with a reason that says what is wrong; the others load', () => {
  const store = tabStorage();
  const good = run(1, 'Ada');
  const badFrame = { ...run(2, 'Grace'), recording: { ...good.recording, frames: [{ ...good.recording.frames[0], direction: 'sideways' }] } };
  const badSender = { ...run(3, 'Linus'), from: { id: 7 } };
  store.setItem('duplex.workshop.shared.ABC234', JSON.stringify([badFrame, good, badSender]));
  const loaded = loadSharedRuns(store, 'ABC234');
  assert.deepEqual(loaded.runs, [good]);
  assert.equal(loaded.dropped.length, 2);
  assert.match(loaded.dropped[0] ?? '', /^Shared run 1 saved in this tab could not be read and was dropped: This recording is damaged: frames\[0\]\.direction: /);
  assert.match(loaded.dropped[1] ?? '', /^Shared run 3 .*sender, time or id is damaged/);
});

test('storage that is not JSON or not a list is dropped whole with a message, never thrown', () => {
  const store = tabStorage();
  store.setItem('duplex.workshop.shared.ABC234', '{"not json');
  assert.deepEqual(loadSharedRuns(store, 'ABC234'), { runs: [], dropped: ['The shared runs saved in this tab could not be read (not JSON) and were dropped.'] });
  store.setItem('duplex.workshop.shared.ABC234', '{"runs": []}');
  assert.deepEqual(loadSharedRuns(store, 'ABC234').dropped, ['The shared runs saved in this tab are not a list and were dropped.']);
});

test('a full storage keeps the newest runs that fit and says how many were left out', () => {
  const one = JSON.stringify([run(3, 'C')]).length + 'duplex.workshop.shared.ABC234'.length;
  const store = tabStorage(one * 2 + 10);
  const left = saveSharedRuns(store, 'ABC234', [run(3, 'C'), run(2, 'B'), run(1, 'A')]);
  assert.equal(left, 1);
  assert.deepEqual(loadSharedRuns(store, 'ABC234').runs.map((r) => r.from.name), ['C', 'B']);
});

test('forgetting a room removes its runs from the tab', () => {
  const store = tabStorage();
  saveSharedRuns(store, 'ABC234', [run(1, 'Ada')]);
  forgetSharedRuns(store, 'ABC234');
  assert.equal(store.items.size, 0);
});
