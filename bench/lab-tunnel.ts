import { createConnection, type Socket } from 'node:net';
import { WebSocket } from 'ws';
import { duplexTarget, echoRun, settle, startServer, stopServer } from './harness.ts';
import { median } from './stats.ts';
import { LabEvent, packLabFrame, unpackLabFrame } from '../protocol/lab.ts';

/**
 * `node bench/lab-tunnel.ts`: does the lab tunnel cost the other endpoints anything? The same
 * server process, the same run: /ws/echo measured with the tunnel idle, then while a lab's owner
 * (this process) echoes bytes for 8 raw TCP connections streaming through `/lab/<id>`, in turns.
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

const results: Record<'idle' | 'busy', Record<string, number[]>> = { idle: {}, busy: {} };
const add = (phase: 'idle' | 'busy', metric: string, value: number) => ((results[phase][metric] ??= []).push(value));

const began = Date.now();
const { child, url } = await startServer(duplex);
const tunnelMiBs: number[] = [];
try {
  await settle(500);
  for (let run = 1; run <= RUNS; run++) {
    for (const phase of ['idle', 'busy'] as const) {
      console.error(`run ${run}/${RUNS}: tunnel ${phase}`);
      const lab = phase === 'busy' ? await busyLab(url) : null;
      const before = lab?.echoed() ?? 0;
      const started = performance.now();
      try {
        const echo = await echoRun(duplex, url, child.pid!, { seconds: SECONDS, clients: ECHO_CLIENTS, window: ECHO_WINDOW });
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
  await stopServer(child);
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(n >= 10 ? 1 : 2));
const cell = (values: number[]) => `${fmt(median(values))} (${fmt(Math.min(...values))}–${fmt(Math.max(...values))})`;
console.log(
  [
    `Median of ${RUNS} runs (min–max), ${SECONDS} s each, one server process; echo: ${ECHO_CLIENTS} clients × ${ECHO_WINDOW} in flight, 64-byte messages.`,
    `Busy: ${LAB_CONNECTIONS} lab connections through the tunnel, echoed by the owner, ${cell(tunnelMiBs)} MiB/s back to the clients. Node ${process.version}, ${new Date().toISOString()}.`,
    '',
    '| metric | tunnel idle | tunnel busy | busy / idle |',
    '|---|---|---|---|',
    ...Object.keys(results.idle).map((metric) => `| ${metric} | ${cell(results.idle[metric]!)} | ${cell(results.busy[metric]!)} | ${(median(results.busy[metric]!) / median(results.idle[metric]!)).toFixed(2)}× |`),
    '',
    `Total ${Math.round((Date.now() - began) / 1000)} s.`,
  ].join('\n'),
);
