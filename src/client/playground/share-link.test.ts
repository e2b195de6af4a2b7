import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeShare, encodeShare } from './share-link.ts';

test('a shared link restores the exact code and its language', async () => {
  const code = "const s = connect('/ws/echo');\n// ünïcødé and emoji 🎉\ns.onopen = () => s.send('hi');\n";
  const fragment = await encodeShare(code, 'typescript');
  assert.match(fragment, /^code=[A-Za-z0-9_-]+&lang=ts$/);
  assert.deepEqual(await decodeShare(`#${fragment}`), { kind: 'code', code, language: 'typescript' });
  assert.deepEqual(await decodeShare(await encodeShare('log(1)', 'javascript')), { kind: 'code', code: 'log(1)', language: 'javascript' });
});

test('an example link names a lesson example', async () => {
  assert.deepEqual(await decodeShare('#example=what-is-a-websocket/ticker'), { kind: 'example', id: 'what-is-a-websocket/ticker' });
  assert.deepEqual(await decodeShare('#example=../../etc'), { kind: 'invalid', message: 'example must look like "lesson-slug/example-name"' });
});

test('no fragment means nothing to restore', async () => {
  assert.deepEqual(await decodeShare(''), { kind: 'none' });
});

test('a damaged or hostile link is refused with a message saying why', async () => {
  assert.deepEqual(await decodeShare('#code=not*base64'), { kind: 'invalid', message: 'the code in the link is not base64url (was it cut or edited?)' });
  assert.deepEqual(await decodeShare('#code=abc&lang=py'), { kind: 'invalid', message: 'lang must be "js" or "ts"' });
  const good = await encodeShare('log("a fairly long line of code that compresses")', 'javascript');
  assert.deepEqual(await decodeShare(good.slice(0, 12)), { kind: 'invalid', message: 'the code in the link is damaged (was it cut short?)' });
  // A small link that inflates to megabytes (a "zip bomb") stops at the limit.
  const bomb = await encodeShare('x'.repeat(2_000_000), 'javascript');
  assert.ok(bomb.length < 10_000);
  assert.deepEqual(await decodeShare(bomb), { kind: 'invalid', message: 'the shared code is larger than 100 KB' });
});
