import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuMs, duplexTarget, latencies, settle, startServer, stopServer, withLoaders, type Target } from './harness.ts';
import { median, percentile } from './stats.ts';

/**
 * The cost of durability: chat with the embedded store (SQLite on disk) against the memory store.
 * Each of 50 clients says in its own room with 4 in flight and waits for its line back (one
 * append, one delivery per message). On a shared machine the load of the others drifts between
 * two measurements, so the stores take turns (A B, then B A) round after round, and the result
 * is the median of the per-round ratios, not the ratio of medians taken minutes apart.
 */
const CHAT_CLIENTS = 50;
const CHAT_WINDOW = 4;

export interface ChatSample {
  rate: number;
  p99: number;
  cpuUsPerMsg: number;
}

export async function chatRun(target: Target, seconds: number): Promise<ChatSample> {
  const { child, url } = await startServer(target);
  try {
    await settle(500);
    return await withLoaders(2, async (loaders) => {
      await Promise.all(loaders.map((l, i) => l.ask({ cmd: 'connect', kind: 'chat', url: `${url}/ws/chat/bench-${i}-{i}`, count: CHAT_CLIENTS / 2, room: false })));
      const cpuBefore = cpuMs(child.pid!);
      const answers = await Promise.all(loaders.map((l) => l.ask<{ answered: number }>({ cmd: 'echo', seconds, window: CHAT_WINDOW })));
      const cpu = cpuMs(child.pid!) - cpuBefore;
      const messages = answers.reduce((n, a) => n + a.answered, 0);
      const sorted = await latencies(loaders);
      return { rate: messages / seconds, p99: percentile(sorted, 99), cpuUsPerMsg: (cpu * 1000) / messages };
    });
  } finally {
    await stopServer(child);
  }
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(n >= 10 ? 1 : 2));
const cell = (values: number[]) => `${fmt(median(values))} (${fmt(Math.min(...values))}–${fmt(Math.max(...values))})`;

/** `rounds` alternating rounds of memory and embedded chat; the markdown table. */
export async function chatStoreBench(rounds: number, seconds: number): Promise<string[]> {
  const stateDir = mkdtempSync(join(tmpdir(), 'duplex-bench-state-'));
  const memory: Target = { ...duplexTarget, name: 'memory', kind: 'chat' };
  const embedded: Target = { ...duplexTarget, name: 'embedded', kind: 'chat', args: [...duplexTarget.args.filter((a) => a !== '--ephemeral'), '--state-dir', stateDir] };
  const samples: { memory: ChatSample; embedded: ChatSample }[] = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      const order = round % 2 ? [memory, embedded] : [embedded, memory];
      const pair: Partial<Record<string, ChatSample>> = {};
      for (const target of order) {
        console.error(`chat store round ${round}/${rounds}: ${target.name}`);
        pair[target.name] = await chatRun(target, seconds);
      }
      samples.push({ memory: pair.memory!, embedded: pair.embedded! });
    }
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
  const metrics: [string, keyof ChatSample][] = [['chat msg/s', 'rate'], ['chat p99 ms', 'p99'], ['chat server CPU µs/msg', 'cpuUsPerMsg']];
  return [
    `Chat, ${CHAT_CLIENTS} clients each in its own room, ${CHAT_WINDOW} in flight (one append + one delivery per message); ${rounds} rounds of ${seconds} s, the stores in turns (A B, B A, …):`,
    '',
    '| metric | embedded | memory | embedded / memory, median of the rounds\' ratios (min–max) |',
    '|---|---|---|---|',
    ...metrics.map(([label, key]) => {
      const ratios = samples.map((s) => s.embedded[key] / s.memory[key]);
      const ratio = `${median(ratios).toFixed(2)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;
      return `| ${label} | ${cell(samples.map((s) => s.embedded[key]))} | ${cell(samples.map((s) => s.memory[key]))} | ${ratio} |`;
    }),
    '',
  ];
}

if (import.meta.main) {
  const rounds = Number(process.env.BENCH_RUNS ?? 6);
  const seconds = Number(process.env.BENCH_SECONDS ?? 4);
  const lines = [...(await chatStoreBench(rounds, seconds)), `Node ${process.version}, ${new Date().toISOString()}.`];
  console.log(lines.join('\n'));
  if (process.env.BENCH_WRITE) writeFileSync(process.env.BENCH_WRITE, `${lines.join('\n')}\n`);
}
