// Fault benchmark: how long the course's socket (src/client/duplex-socket.ts, the class every
// page uses) takes to be back after a real network fault, made by the TCP fault proxy.
//   npm run bench:faults      (RUNS=5 by default; about two minutes)
// - playground: a /ws/echo socket, a 5 s cut, time from heal to "open";
// - workshop attendee: an 8 s cut, time from heal to "welcome" (the page shows the room again);
// - half-open: a blackholed link, time until the server drops the peer (heartbeat 1 s here,
//   so the figure reads in heartbeat intervals: the default 30 s scales it).
// Everything runs on 127.0.0.1; every wait is bounded.
import { FaultProxy } from '../test-support/fault-proxy.ts';
import { metric, startTestServer } from '../playground-server/test-support.ts';
import { DuplexSocket } from '../src/client/socket/duplex-socket.ts';
import { socketUrl } from '../src/client/socket/socket-url.ts';
import { WorkshopServerMessage } from '../protocol/workshop.ts';
import { median } from './stats.ts';

const runs = Number(process.env.RUNS ?? 5);
const deadline = setTimeout(() => {
  console.error('fault benchmark took over 5 minutes: giving up');
  process.exit(1);
}, 300_000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function nextEvent(socket: DuplexSocket, type: string, where: (event: Event) => boolean = () => true): Promise<number> {
  return new Promise((resolve) => {
    const listener = (event: Event) => {
      if (!where(event)) return;
      socket.removeEventListener(type, listener);
      resolve(performance.now());
    };
    socket.addEventListener(type, listener);
  });
}

const isWelcome = (event: Event) => WorkshopServerMessage.safeParse(JSON.parse(String((event as MessageEvent).data))).data?.type === 'welcome';

/** One cut of `seconds` on a socket that has been open past partysocket's minUptime. */
async function healToReady(socket: DuplexSocket, proxy: FaultProxy, seconds: number, ready: () => Promise<number>): Promise<number> {
  await sleep(5500); // past minUptime (5 s): the backoff starts from its first step, as for a settled page
  await proxy.cut(seconds);
  const back = ready();
  await sleep(seconds * 1000);
  const healedAt = performance.now();
  await proxy.heal();
  return (await back) - healedAt;
}

const server = await startTestServer({ heartbeatMs: 1000 });
const proxy = await FaultProxy.start(server.url);

const playground: number[] = [];
const echo = new DuplexSocket(socketUrl('/ws/echo', proxy.url));
await nextEvent(echo, 'open');
for (let i = 0; i < runs; i++) playground.push(await healToReady(echo, proxy, 5, () => nextEvent(echo, 'open')));
echo.close();

const host = new DuplexSocket(socketUrl('/ws/workshop/new', server.url));
const code = await new Promise<string>((resolve) =>
  host.addEventListener('message', (event) => {
    const message = WorkshopServerMessage.parse(JSON.parse(String((event as MessageEvent).data)));
    if (message.type === 'created') resolve(message.code);
  }),
);
let seat: string | undefined;
const attendee = new DuplexSocket(socketUrl(`/ws/workshop/${code}`, proxy.url));
attendee.addEventListener('open', () => attendee.send(JSON.stringify({ type: 'join', name: 'Bench', ...(seat ? { seat } : {}) })));
attendee.addEventListener('message', (event) => {
  const message = WorkshopServerMessage.parse(JSON.parse(String((event as MessageEvent).data)));
  if (message.type === 'welcome') seat = message.you.seat;
});
await nextEvent(attendee, 'message', isWelcome);
const workshop: number[] = [];
for (let i = 0; i < runs; i++) workshop.push(await healToReady(attendee, proxy, 8, () => nextEvent(attendee, 'message', isWelcome)));
attendee.close();
host.close();

const halfOpen: number[] = [];
for (let i = 0; i < runs; i++) {
  const socket = new DuplexSocket(socketUrl('/ws/echo', proxy.url));
  await nextEvent(socket, 'open');
  const before = await metric(server.url, 'duplex_drops_total{reason="heartbeat"}');
  const started = performance.now();
  proxy.blackhole();
  while ((await metric(server.url, 'duplex_drops_total{reason="heartbeat"}')) === before) await sleep(20);
  halfOpen.push(performance.now() - started);
  socket.close();
  await proxy.heal();
}

await proxy.stop();
await server.close();
clearTimeout(deadline);
const ms = (values: number[]) => `median ${Math.round(median(values))} ms (runs: ${values.map(Math.round).join(', ')})`;
console.log(`playground /ws/echo, 5 s cut, heal → open: ${ms(playground)}`);
console.log(`workshop attendee, 8 s cut, heal → welcome: ${ms(workshop)}`);
console.log(`blackholed peer dropped by the server (heartbeat 1000 ms): ${ms(halfOpen)}`);
