import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { freePort, startServerProcess, type ServerProcess } from './process-support.ts';

export interface RedisServer {
  url: string;
  port: number;
  /** Kills redis-server (SIGKILL: its data, kept only in memory, is gone). */
  kill(): Promise<void>;
  /** Freezes redis-server (SIGSTOP) for `ms`, then lets it go on: a store that answers late. */
  stall(ms: number): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real `redis-server` for a test: a free port of 127.0.0.1, its own temp folder, nothing
 * written to disk. Stopped by `stop` (call it in `after`).
 */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'duplex-redis-'));
  let child: ChildProcess;
  const launch = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk;
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          child.stdout!.resume();
          resolve();
        }
      });
      child.once('error', reject);
    });
  };
  await launch();
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    async stall(ms) {
      child.kill('SIGSTOP');
      await new Promise((resolve) => setTimeout(resolve, ms));
      child.kill('SIGCONT');
    },
    restart: launch,
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * What a multi-instance site runs, for a test file: two real server processes sharing one real
 * redis-server, all killed when the file's tests are done.
 */
export async function startCluster(): Promise<{ redis: RedisServer; a: ServerProcess; b: ServerProcess }> {
  const redis = await startRedis();
  const instances: ServerProcess[] = [];
  after(async () => {
    await Promise.all(instances.map((server) => server.stop('SIGKILL')));
    await redis.stop();
  });
  const ports = [await freePort(), await freePort()];
  // Each names the other as the scaling demo's second instance, as `npm run cluster` does.
  for (const [i, port] of ports.entries()) instances.push(await startServerProcess(port, ['--redis', redis.url, '--demo-peer', `http://127.0.0.1:${ports[1 - i]}`]));
  const [a, b] = instances as [ServerProcess, ServerProcess];
  return { redis, a, b };
}
