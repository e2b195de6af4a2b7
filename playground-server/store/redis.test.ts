import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from 'redis';
import { startRedis } from '../redis-support.ts';
import { openRedisStore } from './redis.ts';

const redis = await startRedis();
after(() => redis.stop());
const ann = { id: 'u1', name: 'ann' };
const waitFor = async (done: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  assert.ok(done(), what);
};

test('lines published while the subscriber was cut off reach the follower once, in order, from the stream', { timeout: 30_000 }, async () => {
  const reader = await openRedisStore(redis.url, 1000, 'reader');
  const writer = await openRedisStore(redis.url, 1000, 'writer');
  const admin = createClient({ url: redis.url });
  await admin.connect();
  after(async () => {
    await Promise.all([reader.close(), writer.close()]);
    admin.destroy();
  });
  const seqs: number[] = [];
  reader.chat.follow('cut', { line: (_frame, seq) => seqs.push(seq), reset: () => assert.fail('the data was kept: no reset') });
  await new Promise((resolve) => setTimeout(resolve, 100));
  await writer.chat.append('cut', ann, 'before');
  await waitFor(() => seqs.length === 1, 'the first line arrives');
  // Only the pub/sub connections are dropped (Redis and its streams stay): node-redis reconnects
  // and resubscribes by itself, but what was published meanwhile is lost from pub/sub.
  await admin.sendCommand(['CLIENT', 'KILL', 'TYPE', 'pubsub']);
  for (let i = 0; i < 30; i++) await writer.chat.append('cut', ann, `during ${i}`);
  await waitFor(() => seqs.length >= 31, 'every line arrives after the resubscribe');
  await writer.chat.append('cut', ann, 'after');
  await waitFor(() => seqs.length >= 32, 'live lines flow again');
  assert.deepEqual(seqs, Array.from({ length: 32 }, (_, i) => i + 1));
});

test('Redis unreachable at start-up stops the server with one line, not a hang', { timeout: 30_000 }, async () => {
  const error = await openRedisStore('redis://127.0.0.1:1', 10, 'nobody').then(() => assert.fail('opened'), (e: Error) => e);
  assert.match(error.message, /^cannot reach Redis: .* \(redis:\/\/127\.0\.0\.1:1\)\. Start redis-server there/);
});

test('a workshop room is loaded back only by the instance that owns it, so two never serve one room', { timeout: 30_000 }, async () => {
  const url = `${redis.url}/3`;
  const first = await openRedisStore(url, 10, 'host-a:4321');
  assert.equal(await first.workshop.reserve('OWNEDA'), true);
  first.workshop.append('OWNEDA', { type: 'created', code: 'OWNEDA', hostTokenHash: 'h' });
  await first.close();
  const other = await openRedisStore(url, 10, 'host-b:4321');
  assert.deepEqual(await other.workshop.load(), [], 'another instance leaves it alone');
  await other.close();
  const again = await openRedisStore(url, 10, 'host-a:4321');
  assert.deepEqual((await again.workshop.load()).map((room) => room.code), ['OWNEDA'], 'its owner, restarted, gets it back');
  await again.close();
});
