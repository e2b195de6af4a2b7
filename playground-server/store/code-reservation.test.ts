import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { startRedis } from '../redis-support.ts';
import { openRedisStore } from './redis.ts';

const redis = await startRedis();
test.after(() => redis.stop());

/** A separate server process's store, reserving `codes` all at once; prints the codes it won. */
function reserveIn(owner: string, codes: string[]): Promise<string[]> {
  const script = `
    const { openRedisStore } = await import(${JSON.stringify(new URL('./redis.ts', import.meta.url).href)});
    const store = await openRedisStore(${JSON.stringify(redis.url)}, 10, ${JSON.stringify(owner)});
    const codes = ${JSON.stringify(codes)};
    const won = await Promise.all(codes.map((code) => store.workshop.reserve(code)));
    process.stdout.write(JSON.stringify(codes.filter((_, i) => won[i])));
    await store.close();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((resolve, reject) => child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as string[]) : reject(new Error(`exited ${code}`)))));
}

test('two server processes reserving the same new codes at once: each code goes to exactly one of them', { timeout: 30_000 }, async () => {
  const codes = Array.from({ length: 300 }, (_, i) => `R${String(i).padStart(5, '0')}`);
  const [first, second] = await Promise.all([reserveIn('host-a:1', codes), reserveIn('host-b:2', codes)]);
  assert.deepEqual([...first, ...second].sort(), codes, 'every code handed out');
  assert.deepEqual(first.filter((code) => second.includes(code)), [], 'none twice');
});

test('a code with a room on another instance is refused; once that room is removed, the code is free again', { timeout: 30_000 }, async () => {
  const owner = await openRedisStore(redis.url, 10, 'host-a:1');
  const other = await openRedisStore(redis.url, 10, 'host-b:2');
  try {
    assert.equal(await owner.workshop.reserve('TAKEN1'), true);
    owner.workshop.append('TAKEN1', { type: 'created', code: 'TAKEN1', hostTokenHash: 'h' });
    assert.equal(await other.workshop.reserve('TAKEN1'), false);
    assert.equal(await owner.workshop.reserve('TAKEN1'), false, 'not twice by its own instance either');
    owner.workshop.remove('TAKEN1');
    assert.equal(await other.workshop.reserve('TAKEN1'), true);
  } finally {
    await Promise.all([owner.close(), other.close()]);
  }
});
