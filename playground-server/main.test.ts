import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const run = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [main, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 10_000 });

test('a bad WORKSHOP_ value stops start-up with one clear line and exit code 2, no stack trace', () => {
  const result = run(['--port', '0', '--site-dir', 'no-site'], { WORKSHOP_MAX_ROOMS: 'many' });
  assert.equal(result.status, 2);
  assert.equal(result.stderr.trim(), 'duplex server: invalid configuration:\n  --workshop-max-rooms / WORKSHOP_MAX_ROOMS: must be a number (got "many")');
});

test('--help works whatever the environment says, and lists the workshop limits', () => {
  const result = run(['--help'], { WORKSHOP_MAX_ROOMS: 'many' });
  assert.equal(result.status, 0);
  assert.match(result.stdout, /--workshop-max-rooms\s+WORKSHOP_MAX_ROOMS\s+rooms open at once on this server \(default: 20\)/);
  assert.equal(result.stderr, '');
});
