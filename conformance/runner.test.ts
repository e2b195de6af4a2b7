import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allCases } from './cases/index.ts';
import type { BytePipe, Clock } from './pipe.ts';
import { runSuite } from './runner.ts';
import { parseTarget } from './target.ts';

const target = parseTarget('ws://127.0.0.1:9/echo');
/** A clock whose timers never fire: only the stop can end a wait here. */
const stillClock: Clock = { now: () => performance.now(), after: () => () => undefined };

test('a stop while a case waits for its connection ends the run at once, that case unrecorded and no other started', async () => {
  if ('error' in target) throw new Error(target.error);
  let connects = 0;
  const hanging = () => {
    connects++;
    return new Promise<BytePipe>(() => undefined);
  };
  const stop = new AbortController();
  const run = runSuite(allCases, hanging, target, { timeoutMs: 60_000, budgetMs: 600_000, clock: stillClock, signal: stop.signal });
  await new Promise((resolve) => setTimeout(resolve, 20));
  stop.abort();
  assert.deepEqual(await run, []);
  assert.equal(connects, 1);
});

test('a run stopped before it starts runs nothing', async () => {
  if ('error' in target) throw new Error(target.error);
  const stop = new AbortController();
  stop.abort();
  const refused = () => Promise.reject(new Error('must not connect'));
  assert.deepEqual(await runSuite(allCases, refused, target, { timeoutMs: 10, budgetMs: 1000, clock: stillClock, signal: stop.signal }), []);
});
