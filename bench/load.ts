import { WebSocket } from 'ws';
import { io } from 'socket.io-client';

/**
 * One load-generator process (forked by run.ts, driven over IPC), so clients do not share a
 * CPU-bound event loop with the server being measured. Clients speak plain WebSocket (our
 * server, bare ws) or Socket.IO.
 */

interface Client {
  send(text: string): void;
  onMessage(listener: (text: string) => void): void;
  close(): void;
}

/** ws: plain WebSocket; sio: Socket.IO; chat: our chat protocol (`say` out, its `message` line back). */
export type ClientKind = 'ws' | 'sio' | 'chat';

export type Command =
  /** `{i}` in the url becomes the client's number, e.g. a chat room per client. */
  | { cmd: 'connect'; kind: ClientKind; url: string; count: number; room: boolean }
  | { cmd: 'echo'; seconds: number; window: number }
  | { cmd: 'count' }
  | { cmd: 'publish'; burst: number }
  | { cmd: 'wait'; total: number }
  | { cmd: 'latencies' }
  | { cmd: 'exit' };

const now = () => performance.timeOrigin + performance.now();
/** 64 bytes: the send time (ms, µs precision) then padding. */
const payload = () => `${now().toFixed(3)}|`.padEnd(64, 'x');
const sentAt = (text: string) => Number(text.slice(0, text.indexOf('|')));

const MAX_SAMPLES = 2_000_000;
let samples = new Float64Array(MAX_SAMPLES);
let sampleCount = 0;
const record = (latencyMs: number) => {
  if (sampleCount < MAX_SAMPLES) samples[sampleCount++] = latencyMs;
};

function open(kind: ClientKind, url: string, room: boolean): Promise<Client> {
  return new Promise((resolve, reject) => {
    if (kind === 'chat') {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      ws.once('open', () =>
        resolve({
          send: (text) => ws.send(JSON.stringify({ type: 'say', text })),
          onMessage: (listener) =>
            ws.on('message', (data) => {
              const message = JSON.parse(data.toString()) as { type: string; text?: string };
              if (message.type === 'message') listener(message.text!);
            }),
          close: () => ws.terminate(),
        }),
      );
      ws.once('error', reject);
      return;
    }
    if (kind === 'ws') {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      ws.once('open', () =>
        resolve({
          send: (text) => ws.send(text),
          onMessage: (listener) => ws.on('message', (data) => listener(data.toString())),
          close: () => ws.terminate(),
        }),
      );
      ws.once('error', reject);
      return;
    }
    const event = room ? 'msg' : 'echo';
    const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, query: room ? { room: '1' } : {} });
    socket.once('connect', () =>
      resolve({
        send: (text) => socket.emit(event, text),
        onMessage: (listener) => socket.on(event, listener),
        close: () => socket.disconnect(),
      }),
    );
    socket.once('connect_error', reject);
  });
}

let clients: Client[] = [];
let received = 0;
let waiting: { total: number; done: () => void } | null = null;

async function connectAll(kind: ClientKind, url: string, count: number, room: boolean): Promise<void> {
  // Batches, so the server's accept backlog never overflows.
  for (let i = 0; i < count; i += 200) {
    const batch = await Promise.all(Array.from({ length: Math.min(200, count - i) }, (_, j) => open(kind, url.replace('{i}', String(i + j)), room)));
    clients.push(...batch);
  }
  for (const client of clients) {
    client.onMessage((text) => {
      received++;
      record(now() - sentAt(text));
      if (waiting && received >= waiting.total) {
        waiting.done();
        waiting = null;
      }
    });
  }
}

/** Closed loop: each client keeps `window` messages in flight for `seconds`. */
async function echo(seconds: number, window: number): Promise<number> {
  let running = true;
  let answered = 0;
  for (const client of clients) {
    client.onMessage(() => {
      if (!running) return;
      answered++;
      client.send(payload());
    });
    for (let i = 0; i < window; i++) client.send(payload());
  }
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  running = false;
  return answered;
}

const reply = (message: unknown) => process.send!(message);

process.on('message', async (command: Command) => {
  switch (command.cmd) {
    case 'connect':
      await connectAll(command.kind, command.url, command.count, command.room);
      return reply({ ready: clients.length });
    case 'echo':
      return reply({ answered: await echo(command.seconds, command.window) });
    case 'count':
      return reply({ received });
    case 'publish':
      for (let i = 0; i < command.burst; i++) clients[0]!.send(payload());
      return reply({ published: command.burst });
    case 'wait':
      if (received >= command.total) return reply({ received });
      waiting = { total: command.total, done: () => reply({ received }) };
      return;
    case 'latencies': {
      const out = samples.slice(0, sampleCount);
      samples = new Float64Array(MAX_SAMPLES);
      sampleCount = 0;
      return reply({ latencies: out });
    }
    case 'exit':
      for (const client of clients) client.close();
      clients = [];
      process.exit(0);
  }
});
