import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editorFiles } from './editor-files.ts';

const built: Record<string, string> = {
  'editor.Ab1.js':
    'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/javascript.J1.js","_astro/editor.api.X9.js"])))=>i.map(i=>d[i]);' +
    'import{c as e}from"./editor.api.X9.js";import{l as a}from"./register.R2.js";' +
    'function g(){return new Worker(`/_astro/editor.worker-W3.js`)}function t(){return new Worker(`/_astro/ts.worker-T4.js`)}',
  'editor.api.X9.js': 'import{t as e}from"./preload-helper.P5.js";',
  'register.R2.js': 'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/tsMode.M6.js"])))=>i.map(i=>d[i]);',
  'javascript.J1.js': '',
  'preload-helper.P5.js': '',
  'tsMode.M6.js': 'new Worker(new URL(`/_astro/ts.worker-T4.js`,``+import.meta.url))',
  'editor.worker-W3.js': '',
  'ts.worker-T4.js': '',
  'Search.S7.js': 'import("./ui-core.U8.js")',
  'ui-core.U8.js': '',
};

test('the editor chunk, its imports down the graph and the base worker; not the TypeScript worker', () => {
  const files = editorFiles(Object.keys(built), (name) => built[name]!);
  assert.deepEqual(files.sort(), [
    '/_astro/editor.Ab1.js',
    '/_astro/editor.api.X9.js',
    '/_astro/editor.worker-W3.js',
    '/_astro/javascript.J1.js',
    '/_astro/preload-helper.P5.js',
    '/_astro/register.R2.js',
    '/_astro/tsMode.M6.js',
  ]);
});

test('a build without the editor chunk is an error that says what to look at', () => {
  assert.throws(() => editorFiles(['Search.S7.js'], () => ''), /no editor chunk/);
});
