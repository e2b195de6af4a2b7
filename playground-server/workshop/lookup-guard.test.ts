import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkshopCloseCode } from '../../protocol/workshop.ts';
import { LookupGuard } from './lookup-guard.ts';
import { WorkshopClient, createRoom, startWorkshopServer } from './test-support.ts';

test('an address may miss a code a few times a minute; then even lookups of real rooms are refused until it refills', () => {
  const guard = new LookupGuard(3);
  for (let i = 0; i < 3; i++) {
    assert.equal(guard.allows('10.0.0.7', 0), true);
    guard.missed('10.0.0.7', 0);
  }
  assert.equal(guard.allows('10.0.0.7', 0), false);
  assert.equal(guard.allows('10.0.0.8', 0), true, 'other addresses are not affected');
  assert.equal(guard.allows('10.0.0.7', 20_000), true, 'a third of a minute refills one miss');
});

test('guessing room codes is stopped with 4429 after the allowed misses, for the right code too', async (t) => {
  const server = await startWorkshopServer({ codeMissesPerMinute: 3 });
  t.after(() => server.close());
  const { code } = await createRoom(server.wsUrl);
  const wrong = code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
  for (let i = 0; i < 3; i++) {
    const guess = await WorkshopClient.open(`${server.wsUrl}/${wrong}`);
    assert.equal((await guess.closed).code, WorkshopCloseCode.noSuchRoom);
  }
  const right = await WorkshopClient.open(`${server.wsUrl}/${code}`);
  assert.deepEqual(await right.closed, {
    code: WorkshopCloseCode.tooManyGuesses,
    reason: 'too many wrong workshop codes from your address: wait a minute, then check the code',
  });
});
