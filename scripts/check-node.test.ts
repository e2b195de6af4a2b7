import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const guard = resolve(import.meta.dirname, 'check-node.mjs');

/** Runs the guard as if Node were `version`. */
function guardOn(version: string) {
  const pretend = `Object.defineProperty(process.versions, 'node', { value: '${version}' });` +
    `Object.defineProperty(process, 'version', { value: 'v${version}' });` +
    `await import(${JSON.stringify(guard)});`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', pretend], { encoding: 'utf8' });
}

test('too old a Node stops with a clear message, not a stack trace', () => {
  for (const version of ['20.20.2', '22.11.0', '18.0.0']) {
    const run = guardOn(version);
    assert.equal(run.status, 1, version);
    assert.match(run.stderr, new RegExp(`needs Node\\.js >= 22\\.12 .* this is v${version.replaceAll('.', '\\.')}`));
    assert.match(run.stderr, /npm install/);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  }
});

test('a recent Node passes silently', () => {
  for (const version of ['22.12.0', '24.21.0', '26.0.0']) {
    const run = guardOn(version);
    assert.equal(run.status, 0, version);
    assert.equal(run.stderr, '');
  }
});
