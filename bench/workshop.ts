// Workshop fan-out benchmark: a host pushes snippets to 500 attendees (WebSocket clients in
// separate processes) through the real server; we measure the time from the push to the moment
// the last attendee has it, and the server's memory.
//   npm run bench:workshop            (ATTENDEES=500 PROCESSES=10 PUSHES=100 by default)
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { WebSocket } from 'ws';

const attendees = Number(process.env.ATTENDEES ?? 500);
const processes = Number(process.env.PROCESSES ?? 10);
const pushes = Number(process.env.PUSHES ?? 100);
const now = () => performance.timeOrigin + performance.now();
const deadline = setTimeout(() => {
  console.error('benchmark took over 3 minutes: giving up');
  process.exit(1);
}, 180_000);

/** Resident and peak memory of a process, from /proc (Linux). */
function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMiB: Math.round(kib('VmRSS') / 102.4) / 10, peakMiB: Math.round(kib('VmHWM') / 102.4) / 10 };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

// The real server, alone in its process, on a free port of 127.0.0.1. Limits raised only where
// the benchmark itself would trip them (one host pushing fast).
const server = spawn(process.execPath, ['playground-server/main.ts', '--port', '0', '--host', '127.0.0.1', '--site-dir', 'no-site', '--ephemeral'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, WORKSHOP_MAX_ATTENDEES: String(attendees) },
});
const [line] = (await once(server.stdout!, 'data')) as [Buffer];
const origin = /http:\/\/[\d.]+:\d+/.exec(line.toString())?.[0];
if (!origin) throw new Error(`server did not say where it runs: ${line}`);
const wsOrigin = origin.replace('http', 'ws');
const idle = memoryOf(server.pid!);

const host = new WebSocket(`${wsOrigin}/ws/workshop/new`);
const [created] = (await once(host, 'message')) as [Buffer];
const { code } = JSON.parse(created.toString()) as { code: string };

const started = now();
const workers: ChildProcess[] = [];
const perProcess = Math.ceil(attendees / processes);
for (let p = 0; p < processes; p++) {
  const count = Math.min(perProcess, attendees - p * perProcess);
  if (count > 0) workers.push(fork('bench/workshop-attendees.ts', [`${wsOrigin}/ws/workshop/${code}`, String(count), `p${p}`]));
}
await Promise.all(workers.map((worker) => new Promise((resolve) => worker.on('message', (m: { type: string }) => m.type === 'ready' && resolve(null)))));
const joinSeconds = (now() - started) / 1000;
const joined = memoryOf(server.pid!);

const latencies: number[] = [];
for (let id = 1; id <= pushes; id++) {
  const done = Promise.all(
    workers.map(
      (worker) =>
        new Promise<number>((resolve) => {
          const onMessage = (m: { type: string; id: number; last: number }) => {
            if (m.type !== 'received' || m.id !== id) return;
            worker.off('message', onMessage);
            resolve(m.last);
          };
          worker.on('message', onMessage);
        }),
    ),
  );
  const sentAt = now();
  host.send(JSON.stringify({ type: 'push', code: `log('snippet ${id}');\n`.repeat(20), title: `push ${id}` }));
  const lasts = await done;
  latencies.push(Math.max(...lasts) - sentAt);
  await new Promise((resolve) => setTimeout(resolve, 100));
}
const after = memoryOf(server.pid!);

for (const worker of workers) worker.send({ type: 'stop' });
host.close();
server.kill('SIGTERM');
clearTimeout(deadline);

const sorted = [...latencies].sort((a, b) => a - b);
const round = (ms: number) => Math.round(ms * 10) / 10;
const result = {
  attendees,
  processes: workers.length,
  pushes,
  snippetBytes: 20 * "log('snippet 1');\n".length,
  joinAllSeconds: round(joinSeconds),
  pushToLastAttendeeMs: { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? NaN) },
  /** The machine's 1-minute load average at the end: latency is only comparable at similar load. */
  loadAverage1m: Math.round(loadavg()[0]! * 10) / 10,
  serverMemoryMiB: { idle: idle.rssMiB, withAttendees: joined.rssMiB, afterPushes: after.rssMiB, peak: after.peakMiB },
};
console.log(JSON.stringify(result, null, 2));
