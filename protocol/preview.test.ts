import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hexPreview, previewBytes, previewChars, textPreview } from './preview.ts';

test('text is cut at the preview length, with an ellipsis only when something was cut', () => {
  assert.equal(textPreview('hello'), 'hello');
  assert.equal(textPreview('x'.repeat(previewChars)), 'x'.repeat(previewChars));
  assert.equal(textPreview('x'.repeat(previewChars + 1)), `${'x'.repeat(previewChars)}…`);
});

test('binary shows its first bytes as spaced lowercase hex', () => {
  assert.equal(hexPreview(new Uint8Array([1, 2, 255])), '01 02 ff');
  const long = hexPreview(new Uint8Array(previewBytes + 1));
  assert.equal(long, `${Array(previewBytes).fill('00').join(' ')} …`);
});
