import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const preflight = resolve(import.meta.dirname, 'preflight.mjs');

/** Runs the preflight with a PATH that holds only `sh` (and whatever `keep` names). */
function preflightWith(keep: string[], chromium: string) {
  const bin = mkdtempSync(join(tmpdir(), 'duplex-path-'));
  try {
    for (const name of ['sh', ...keep]) symlinkSync(spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim(), join(bin, name));
    return spawnSync(process.execPath, [preflight], { encoding: 'utf8', env: { PATH: bin, CHROMIUM_PATH: chromium } });
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
}

test('a machine without redis-server or chromium stops at once with the one command that installs them', () => {
  const run = preflightWith([], '/nowhere/chromium');
  assert.equal(run.status, 1);
  assert.match(run.stderr, /The tests need redis-server and chromium, which this machine lacks\. Install with:\n\n {2}sudo apt-get install -y redis-server chromium\n/);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  const onlyRedis = preflightWith([], process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
  assert.match(onlyRedis.stderr, /sudo apt-get install -y redis-server\n/);
});

test('a machine with both passes silently', () => {
  const run = preflightWith(['redis-server'], process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0);
});
