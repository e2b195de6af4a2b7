import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allCases, selectCases } from './cases/index.ts';
import { parseCliArgs } from './cli-args.ts';
import { parseTarget } from './target.ts';
import type { Report } from './report.ts';
import { flawedServer, wsEchoServer } from './test-support.ts';

const cli = new URL('./cli.ts', import.meta.url).pathname;

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

test('bad arguments exit 2 with the reason and the usage', async () => {
  for (const [args, reason] of [
    [[], /which server\? give its ws:\/\/ URL/],
    [['wss://example.org/'], /wss:\/\/ is not supported/],
    [['ws://a/', 'ws://b/'], /one URL only/],
    [['ws://a/', '--timeout', 'soon'], /--timeout must be a whole number/],
    [['ws://a/', '--cases', '42.*'], /--cases 42\.\* matches no case/],
  ] as const) {
    const { code, stderr } = await runCli([...args]);
    assert.equal(code, 2, args.join(' '));
    assert.match(stderr, reason);
    assert.match(stderr, /Usage: npm run conformance -- ws:\/\/host:port\/path/);
  }
});

test('a run prints the table, writes both reports and exits 0 when nothing fails, 1 when something does', async (t) => {
  const out = mkdtempSync(join(tmpdir(), 'conformance-'));
  const good = await wsEchoServer();
  const bad = await flawedServer('wrong-accept');
  t.after(async () => {
    rmSync(out, { recursive: true, force: true });
    await Promise.all([good.close(), bad.close()]);
  });
  const passed = await runCli([good.url, '--cases', '1.1.1,2.*', '--out', out]);
  assert.equal(passed.code, 0, passed.stderr);
  assert.match(passed.stdout, /^2\.10 +10 pings sent back to back +PASS +\d+$/m);
  assert.match(passed.stdout, /12 cases in [\d.]+ s: 12 pass, 0 non-strict, 0 fail/);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
  assert.equal(report.version, 1);
  assert.equal(report.target, good.url);
  assert.deepEqual(report.summary, { pass: 12, nonStrict: 0, fail: 0 });
  assert.match(readFileSync(join(out, 'report.html'), 'utf8'), /^<!doctype html>[\s\S]*2\.11/);

  const failed = await runCli([bad.url, '--cases', '0.1.1', '--out', out, '--timeout', '500']);
  assert.equal(failed.code, 1);
  assert.match(failed.stdout, /0\.1\.1 fail: handshake failed: Sec-WebSocket-Accept/);
});

test('--cases picks sections, single cases and their sub-cases', () => {
  const ids = (filter: string) => selectCases(allCases, filter).map((c) => c.id);
  assert.deepEqual(ids('2.1,5.1'), ['2.1', '5.1']);
  assert.deepEqual(ids('0.*'), ['0.1.1', '0.1.2']);
  assert.equal(ids('7.2').length, 13);
  assert.equal(ids('1.*').length, 16);
  assert.deepEqual(parseCliArgs(['ws://h:1/p', '--cases', '1.*', '--out', 'x', '--timeout', '900']), {
    target: parseTarget('ws://h:1/p'),
    outDir: 'x',
    cases: '1.*',
    timeoutMs: 900,
  });
  assert.equal(parseCliArgs(['--help']), 'help');
});
