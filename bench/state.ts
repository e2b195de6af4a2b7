import { startRedis } from '../playground-server/redis-support.ts';
import { chatStoreBench } from './chat-store.ts';
import { cpuMs, latencies, settle, startServer, stopServer, withLoaders, type Target } from './harness.ts';
import { median, percentile } from './stats.ts';

/**
 * The state stores under load, in the same `npm run bench` run:
 * - chat with the embedded store against memory, the two in turns (`chat-store.ts`);
 * - fan-out across two instances sharing one redis-server, the clients split over both and the
 *   publisher on the first, against two Socket.IO 4 servers with @socket.io/redis-adapter.
 */
const duplexArgs = ['playground-server/main.ts', '--port', '0', '--host', '127.0.0.1', '--site-dir', 'bench-has-no-site', '--rate-limit', '10000000',
  '--max-connections', '100000', '--send-buffer', '1073741824'];

async function clusterFanout(target: Target, clients: number, seconds: number) {
  const servers = [await startServer(target), await startServer(target)];
  try {
    await settle(500);
    return await withLoaders(3, async ([publisher, ...receivers]) => {
      const split = [Math.ceil(clients / 2), Math.floor(clients / 2)];
      await Promise.all(receivers.map((l, i) => l.ask({ cmd: 'connect', kind: target.kind, url: servers[i]!.url + target.room, count: split[i]!, room: true })));
      await publisher!.ask({ cmd: 'connect', kind: target.kind, url: servers[0]!.url + target.room, count: 1, room: true });
      await settle(500); // subscriptions to the Redis channels are in place
      const burst = Math.max(2, Math.ceil(10_000 / clients));
      const cpu = () => servers.reduce((sum, server) => sum + cpuMs(server.child.pid!), 0);
      const cpuBefore = cpu();
      const started = performance.now();
      let rounds = 0;
      while (performance.now() - started < seconds * 1000) {
        await publisher!.ask({ cmd: 'publish', burst });
        rounds++;
        await Promise.all(receivers.map((l, i) => l.ask({ cmd: 'wait', total: rounds * burst * split[i]! })));
      }
      const elapsed = (performance.now() - started) / 1000;
      const deliveries = rounds * burst * clients;
      const sorted = await latencies(receivers);
      return { rate: deliveries / elapsed, p99: percentile(sorted, 99), cpuUsPerDelivery: ((cpu() - cpuBefore) * 1000) / deliveries };
    });
  } finally {
    await Promise.all(servers.map((server) => stopServer(server.child)));
  }
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(n >= 10 ? 1 : 2));
const cell = (values: number[]) => `${fmt(median(values))} (${fmt(Math.min(...values))}–${fmt(Math.max(...values))})`;

/** Runs both parts `runs` times and returns the markdown tables. */
export async function stateBench(runs: number, seconds: number, fanout: number[]): Promise<string[]> {
  // Alternating pairs: at least four, so the median of their ratios means something on a shared machine.
  const chat = await chatStoreBench(Math.max(4, runs), seconds);
  const redis = await startRedis();
  const clusterTargets: Target[] = [
    { name: 'duplex', args: [...duplexArgs, '--redis', redis.url], kind: 'ws', echo: '/ws/echo', room: '/ws/room/bench' },
    { name: 'socket.io', args: ['bench/servers/socketio.ts'], kind: 'sio', echo: '/', room: '/', env: { REDIS_URL: redis.url } },
  ];
  const rows = new Map<string, Record<string, number[]>>();
  const add = (metric: string, target: string, value: number) => {
    const row = rows.get(metric) ?? {};
    rows.set(metric, row);
    (row[target] ??= []).push(value);
  };
  try {
    for (let run = 1; run <= runs; run++) {
      for (const target of clusterTargets) {
        for (const clients of fanout) {
          console.error(`state run ${run}/${runs}: two instances + Redis, ${target.name}, ${clients} clients`);
          const fan = await clusterFanout(target, clients, seconds);
          add(`2 instances, fan-out ${clients} deliveries/s`, target.name, fan.rate);
          add(`2 instances, fan-out ${clients} p99 ms`, target.name, fan.p99);
          add(`2 instances, fan-out ${clients} servers CPU µs/delivery`, target.name, fan.cpuUsPerDelivery);
        }
      }
    }
  } finally {
    await redis.stop();
  }
  const table = (title: string, a: string, b: string, prefix: string) => [
    title,
    '',
    `| metric | ${a} | ${b} | ${a} / ${b} |`,
    '|---|---|---|---|',
    ...[...rows].filter(([metric]) => metric.startsWith(prefix)).map(([metric, row]) =>
      `| ${metric} | ${cell(row[a]!)} | ${cell(row[b]!)} | ${(median(row[a]!) / median(row[b]!)).toFixed(2)}× |`),
    '',
  ];
  return [
    ...chat,
    ...table('Two instances sharing one redis-server, clients split over both, publisher on the first (raw relay room vs Socket.IO room + @socket.io/redis-adapter; CPU of both servers, Redis not counted):', 'duplex', 'socket.io', '2 instances'),
  ];
}
