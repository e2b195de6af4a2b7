import { writeFileSync } from 'node:fs';
import { cpuMs, duplexTarget, echoRun, latencies, rssKb, settle, startServer, stopServer, withLoaders, type Target } from './harness.ts';
import { median, percentile } from './stats.ts';
import { stateBench } from './state.ts';

/**
 * `npm run bench`: our server against a bare `ws` server and Socket.IO 4, each in its own
 * process, driven by load generators in other processes. Every step is bounded in time.
 * Sizes can be shrunk for a quick look: BENCH_SECONDS, BENCH_RUNS, BENCH_FANOUT, BENCH_IDLE.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const FANOUT = (process.env.BENCH_FANOUT ?? '100,1000,5000').split(',').filter(Boolean).map(Number);
const IDLE = Number(process.env.BENCH_IDLE ?? 10_000);
const ECHO_CLIENTS = 50;
const ECHO_WINDOW = 4;


const targets: Target[] = [
  duplexTarget,
  { name: 'ws', args: ['bench/servers/bare-ws.ts'], kind: 'ws', echo: '/echo', room: '/room' },
  { name: 'socket.io', args: ['bench/servers/socketio.ts'], kind: 'sio', echo: '/', room: '/' },
];

async function fanoutRun(target: Target, url: string, pid: number, clients: number) {
  return withLoaders(3, async ([publisher, ...receivers]) => {
    const split = [Math.ceil(clients / 2), Math.floor(clients / 2)];
    await Promise.all(receivers.map((l, i) => l.ask({ cmd: 'connect', kind: target.kind, url: url + target.room, count: split[i]!, room: true })));
    await publisher!.ask({ cmd: 'connect', kind: target.kind, url: url + target.room, count: 1, room: true });
    // Each round delivers ~10,000 messages; rounds repeat for the measured duration.
    const burst = Math.max(2, Math.ceil(10_000 / clients));
    const cpuBefore = cpuMs(pid);
    const started = performance.now();
    let rounds = 0;
    while (performance.now() - started < SECONDS * 1000) {
      await publisher!.ask({ cmd: 'publish', burst });
      rounds++;
      await Promise.all(receivers.map((l, i) => l.ask({ cmd: 'wait', total: rounds * burst * split[i]! })));
    }
    const elapsed = (performance.now() - started) / 1000;
    const deliveries = rounds * burst * clients;
    const cpuUsPerDelivery = ((cpuMs(pid) - cpuBefore) * 1000) / deliveries;
    const sorted = await latencies(receivers);
    return { rate: deliveries / elapsed, p99: percentile(sorted, 99), cpuUsPerDelivery };
  });
}

async function idleRun(target: Target) {
  const { child, url } = await startServer(target);
  try {
    await settle(1000);
    const before = rssKb(child.pid!);
    return await withLoaders(4, async (loaders) => {
      await Promise.all(loaders.map((l) => l.ask({ cmd: 'connect', kind: target.kind, url: url + target.echo, count: IDLE / 4, room: false })));
      await settle(2000);
      return { kbPerConnection: (rssKb(child.pid!) - before) / IDLE };
    });
  } finally {
    await stopServer(child);
  }
}

type Row = Record<string, number[]>;
const results = new Map<string, Row>(targets.map((t) => [t.name, {}]));
const add = (target: string, metric: string, value: number) => ((results.get(target)![metric] ??= []).push(value));

const began = Date.now();
for (let run = 1; run <= RUNS; run++) {
  for (const target of targets) {
    console.error(`run ${run}/${RUNS}: ${target.name}`);
    const { child, url } = await startServer(target);
    try {
      await settle(500);
      const echo = await echoRun(target, url, child.pid!, { seconds: SECONDS, clients: ECHO_CLIENTS, window: ECHO_WINDOW });
      add(target.name, 'echo msg/s', echo.rate);
      add(target.name, 'echo p50 ms', echo.p50);
      add(target.name, 'echo p99 ms', echo.p99);
      add(target.name, 'echo server CPU µs/msg', echo.cpuUsPerMsg);
      for (const clients of FANOUT) {
        const fan = await fanoutRun(target, url, child.pid!, clients);
        add(target.name, `fan-out ${clients} deliveries/s`, fan.rate);
        add(target.name, `fan-out ${clients} p99 ms`, fan.p99);
        add(target.name, `fan-out ${clients} server CPU µs/delivery`, fan.cpuUsPerDelivery);
      }
    } finally {
      await stopServer(child);
    }
    if (IDLE > 0) add(target.name, `RSS KB per idle connection (${IDLE})`, (await idleRun(target)).kbPerConnection);
  }
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(n >= 10 ? 1 : 2));
const cell = (values: number[] | undefined) =>
  values?.length ? `${fmt(median(values))} (${fmt(Math.min(...values))}–${fmt(Math.max(...values))})` : 'n/a';
const ratio = (a: number[] | undefined, b: number[] | undefined) => (a?.length && b?.length ? `${(median(a) / median(b)).toFixed(2)}×` : 'n/a');

const metrics = Object.keys(results.get('duplex')!);
const lines = [
  `Median of ${RUNS} runs (min–max); ${SECONDS} s per measurement; echo: ${ECHO_CLIENTS} clients × ${ECHO_WINDOW} in flight, 64-byte messages;`,
  `fan-out: one publisher, rounds of ~10,000 deliveries; load generators in separate processes. Node ${process.version}, ${new Date().toISOString()}.`,
  '',
  '| metric | duplex | bare ws | Socket.IO 4 | duplex / ws | duplex / Socket.IO |',
  '|---|---|---|---|---|---|',
  ...metrics.map((metric) => {
    const [d, w, s] = targets.map((t) => results.get(t.name)![metric]);
    return `| ${metric} | ${cell(d)} | ${cell(w)} | ${cell(s)} | ${ratio(d, w)} | ${ratio(d, s)} |`;
  }),
  '',
  ...(await stateBench(RUNS, SECONDS, FANOUT.filter((clients) => clients >= 1000))),
  `Total bench time ${Math.round((Date.now() - began) / 1000)} s.`,
];
console.log(lines.join('\n'));
writeFileSync('bench/RESULTS.md', `# Benchmark results\n\nProduced by \`npm run bench\`.\n\n${lines.join('\n')}\n`);
