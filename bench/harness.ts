import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { ClientKind, Command } from './load.ts';
import { mergeSorted, percentile } from './stats.ts';

/** What the benchmarks share: server processes, load-generator processes, CPU and memory readings. */
const STEP_TIMEOUT_MS = 120_000;

export interface Target {
  name: string;
  args: string[];
  kind: ClientKind;
  echo: string;
  room: string;
  env?: Record<string, string>;
}

/** Our server as the benchmarks run it: limits raised so they measure throughput, not our rate limiter doing its job. */
export const duplexTarget: Target = {
  name: 'duplex',
  args: ['playground-server/main.ts', '--port', '0', '--host', '127.0.0.1', '--site-dir', 'bench-has-no-site', '--rate-limit', '10000000', '--rate-burst', '10000000',
    '--max-connections', '100000', '--send-buffer', '1073741824', '--ephemeral'],
  kind: 'ws',
  echo: '/ws/echo',
  room: '/ws/room/bench',
};

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out`)), STEP_TIMEOUT_MS)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class Loader {
  readonly child: ChildProcess = fork('bench/load.ts', [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  ask<T = Record<string, unknown>>(command: Command): Promise<T> {
    const answer = new Promise<T>((resolve) => this.child.once('message', (message) => resolve(message as T)));
    this.child.send(command);
    return withTimeout(answer, `load ${command.cmd}`);
  }
  stop(): void {
    this.child.kill('SIGKILL');
  }
}

export async function startServer(target: Target): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, target.args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...target.env } });
  let output = '';
  const port = await withTimeout(
    new Promise<string>((resolve) =>
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk;
        const match = /127\.0\.0\.1:(\d+)|listening on :(\d+)/.exec(output);
        if (match) resolve((match[1] ?? match[2])!);
      }),
    ),
    `${target.name} start`,
  );
  child.stdout!.resume();
  return { child, url: `${target.kind === 'sio' ? 'http' : 'ws'}://127.0.0.1:${port}` };
}

export async function stopServer(child: ChildProcess): Promise<void> {
  child.kill('SIGKILL');
  if (child.exitCode === null) await once(child, 'exit');
}

/** Server CPU time (user + system) in ms, from /proc. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
}

export function rssKb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
}

export const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function withLoaders<T>(count: number, body: (loaders: Loader[]) => Promise<T>): Promise<T> {
  const loaders = Array.from({ length: count }, () => new Loader());
  try {
    return await body(loaders);
  } finally {
    for (const loader of loaders) loader.stop();
  }
}

export async function latencies(loaders: Loader[]): Promise<Float64Array> {
  const parts = await Promise.all(loaders.map((l) => l.ask<{ latencies: Float64Array }>({ cmd: 'latencies' })));
  return mergeSorted(parts.map((p) => p.latencies));
}


/** Echo under load: `clients` sockets, each with `window` 64-byte messages in flight, for `seconds`; the server's CPU per message. */
export async function echoRun(target: Target, url: string, pid: number, size: { seconds: number; clients: number; window: number }) {
  return withLoaders(2, async (loaders) => {
    await Promise.all(loaders.map((l) => l.ask({ cmd: 'connect', kind: target.kind, url: url + target.echo, count: size.clients / 2, room: false })));
    const cpuBefore = cpuMs(pid);
    const answers = await Promise.all(loaders.map((l) => l.ask<{ answered: number }>({ cmd: 'echo', seconds: size.seconds, window: size.window })));
    const cpu = cpuMs(pid) - cpuBefore;
    const messages = answers.reduce((n, a) => n + a.answered, 0);
    const sorted = await latencies(loaders);
    return { rate: messages / size.seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), cpuUsPerMsg: (cpu * 1000) / messages };
  });
}
