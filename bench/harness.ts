import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { ClientKind, Command } from './load.ts';
import { mergeSorted } from './stats.ts';

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

