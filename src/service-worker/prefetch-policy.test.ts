import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mayPrefetchEditor } from './prefetch-policy.ts';

test('the editor is prefetched on a fast link or where the browser does not say', () => {
  assert.equal(mayPrefetchEditor(undefined), true);
  assert.equal(mayPrefetchEditor({ effectiveType: '4g', saveData: false }), true);
  assert.equal(mayPrefetchEditor({}), true);
});

test('never with Data Saver on or on a slow link', () => {
  assert.equal(mayPrefetchEditor({ effectiveType: '4g', saveData: true }), false);
  for (const effectiveType of ['slow-2g', '2g', '3g']) assert.equal(mayPrefetchEditor({ effectiveType }), false, effectiveType);
});
