import { expect, test } from '@playwright/test';
import { freePort, startServerProcess, type ServerProcess } from '../playground-server/process-support.ts';
import { startRedis, type RedisServer } from '../playground-server/redis-support.ts';
import { stopInstanceB } from './scaling-demo-support.ts';

/**
 * The scaling lesson on a real cluster, as `npm run cluster` runs it: two server processes
 * sharing a real redis-server, each naming the other as the demo's second instance. Client 2's
 * socket is on the other process, "Stop instance B" stops that process's part of the demo, and
 * what survives the move is up to Redis (streams or pub/sub), not to a simulation.
 */
let redis: RedisServer;
let a: ServerProcess;
let b: ServerProcess;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  redis = await startRedis();
  const ports = [await freePort(), await freePort()];
  const instance = (i: number) =>
    startServerProcess(ports[i]!, ['--site-dir', 'dist', '--redis', redis.url, '--demo-peer', `http://127.0.0.1:${ports[1 - i]}`]);
  [a, b] = [await instance(0), await instance(1)];
});

test.afterAll(async () => {
  await Promise.all([a, b].map((server) => server?.stop('SIGTERM')));
  await redis?.stop();
});

test('on two real server processes sharing Redis, client 2 is on the other process and moves to A when B stops', async ({ page }) => {
  test.setTimeout(90_000);
  const opened: string[] = [];
  page.on('websocket', (ws) => opened.push(new URL(ws.url()).port));
  await page.goto(`${a.url}/lessons/security-and-scaling/`);
  await stopInstanceB(page, `Instance B is another server process, ${b.url}, sharing Redis with this one.`);
  const [portA, portB] = [new URL(a.url).port, new URL(b.url).port];
  // Per demo: client 1 on A, client 2 on B, then client 2 again on A.
  expect(opened.filter((port) => port === portB)).toHaveLength(2);
  expect(opened.filter((port) => port === portA).length).toBeGreaterThanOrEqual(4);
});
