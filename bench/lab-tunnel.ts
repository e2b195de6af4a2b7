import { createConnection, type Socket } from 'node:net';
import { WebSocket } from 'ws';
import { duplexTarget, echoRun, settle, startServer, stopServer, type Target } from './harness.ts';
import { median } from './stats.ts';
import { LabEvent, packLabFrame, unpackLabFrame } from '../protocol/lab.ts';

/**
 * `node bench/lab-tunnel.ts`: does the lab tunnel cost the other endpoints anything? The same
 * run, in turns: /ws/echo on a server started with --no-lab (no tunnel mounted), then on one
 * with it mounted and idle, then while a lab's owner (this process) echoes bytes for 8 raw TCP
 * connections streaming through `/lab/<id>`.
 * Sizes: BENCH_SECONDS, BENCH_RUNS. Every step is bounded in time.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ECHO_CLIENTS = 50;
const ECHO_WINDOW = 4;
const LAB_CONNECTIONS = 8;
/** Per lab connection, under the lab's default 4 MiB/s limit so the tunnel keeps carrying. */
const LAB_BYTES_PER_TICK = 32 * 1024;
const LAB_TICK_MS = 20;
const ownerPiece = 32 * 1024;

const duplex = duplexTarget;

/** A lab whose owner echoes every byte back, and raw clients streaming through it; returns a stop function and a byte count. */
async function busyLab(wsUrl: string) {
  const http = wsUrl.replace(/^ws/, 'http');
  const owner = new WebSocket(`${wsUrl}/ws/lab`, { headers: { Origin: http } });
  const path = await new Promise<string>((resolve, reject) => {
    owner.on('error', reject);
    owner.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) {
        const frame = unpackLabFrame(data);
        // One owner frame carries at most the server's max payload (64 KiB), id included.
        for (let at = 0; frame && at < frame.bytes.length; at += ownerPiece) owner.send(packLabFrame(frame.connection, frame.bytes.subarray(at, at + ownerPiece)), { binary: true });
        return;
      }
      const event = LabEvent.parse(JSON.parse(data.toString()));
      if (event.type === 'ready') resolve(event.path);
    });
  });
  const { hostname, port } = new URL(http);
  let echoed = 0;
  const clients: Socket[] = [];
  const chunk = Buffer.alloc(LAB_BYTES_PER_TICK, 0x61);
  for (let i = 0; i < LAB_CONNECTIONS; i++) {
    const socket = createConnection({ host: hostname, port: Number(port) });
    socket.on('error', () => undefined);
    socket.on('data', (data: Buffer) => (echoed += data.length));
    socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    clients.push(socket);
  }
  const timer = setInterval(() => clients.forEach((socket) => socket.writable && socket.write(chunk)), LAB_TICK_MS);
  return {
    echoed: () => echoed,
    stop() {
      clearInterval(timer);
      clients.forEach((socket) => socket.destroy());
      owner.terminate();
    },
  };
}

type Phase = 'off' | 'idle' | 'busy';
const phases: readonly Phase[] = ['off', 'idle', 'busy'];
const phaseNames: Record<Phase, string> = { off: 'lab not mounted (--no-lab)', idle: 'tunnel idle', busy: 'tunnel busy' };
const results: Record<Phase, Record<string, number[]>> = { off: {}, idle: {}, busy: {} };
const add = (phase: Phase, metric: string, value: number) => ((results[phase][metric] ??= []).push(value));

// Two processes of the same server, started alike but for the lab; only one is loaded at a time,
// in turns within each run, so both see the same machine.
const withoutLab: Target = { ...duplex, name: 'duplex --no-lab', args: [...duplex.args, '--no-lab'] };
const began = Date.now();
const servers = { off: await startServer(withoutLab), on: await startServer(duplex) };
const tunnelMiBs: number[] = [];
try {
  await settle(500);
  for (let run = 1; run <= RUNS; run++) {
    for (const phase of phases) {
      console.error(`run ${run}/${RUNS}: ${phaseNames[phase]}`);
      const { child, url } = phase === 'off' ? servers.off : servers.on;
      const lab = phase === 'busy' ? await busyLab(url) : null;
      const before = lab?.echoed() ?? 0;
      const started = performance.now();
      try {
        const echo = await echoRun(phase === 'off' ? withoutLab : duplex, url, child.pid!, { seconds: SECONDS, clients: ECHO_CLIENTS, window: ECHO_WINDOW });
        add(phase, 'echo msg/s', echo.rate);
        add(phase, 'echo p50 ms', echo.p50);
        add(phase, 'echo p99 ms', echo.p99);
        add(phase, 'server CPU µs/echo msg (all endpoints)', echo.cpuUsPerMsg);
        if (lab) tunnelMiBs.push((lab.echoed() - before) / 1024 / 1024 / ((performance.now() - started) / 1000));
      } finally {
        lab?.stop();
      }
      await settle(300);
    }
  }
} finally {
  await Promise.all([stopServer(servers.off.child), stopServer(servers.on.child)]);
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(n >= 10 ? 1 : 2));
const cell = (values: number[]) => `${fmt(median(values))} (${fmt(Math.min(...values))}–${fmt(Math.max(...values))})`;
console.log(
  [
    `Median of ${RUNS} runs (min–max), ${SECONDS} s each; echo: ${ECHO_CLIENTS} clients × ${ECHO_WINDOW} in flight, 64-byte messages. Off: a second process of the same server started with --no-lab.`,
    `Busy: ${LAB_CONNECTIONS} lab connections through the tunnel, echoed by the owner, ${cell(tunnelMiBs)} MiB/s back to the clients. Node ${process.version}, ${new Date().toISOString()}.`,
    '',
    '| metric | lab not mounted | tunnel idle | tunnel busy | idle / not mounted | busy / idle |',
    '|---|---|---|---|---|---|',
    ...Object.keys(results.idle).map((metric) => {
      const ratio = (a: Phase, b: Phase) => `${(median(results[a][metric]!) / median(results[b][metric]!)).toFixed(2)}×`;
      return `| ${metric} | ${cell(results.off[metric]!)} | ${cell(results.idle[metric]!)} | ${cell(results.busy[metric]!)} | ${ratio('idle', 'off')} | ${ratio('busy', 'idle')} |`;
    }),
    '',
    `Total ${Math.round((Date.now() - began) / 1000)} s.`,
  ].join('\n'),
);
