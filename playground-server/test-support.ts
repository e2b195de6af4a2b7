import { once } from 'node:events';
import { createConnection, type Socket } from 'node:net';
import { WebSocket } from 'ws';
import { ConfigSchema, type Config } from './config.ts';
import { startServer, type RunningServer } from './server.ts';
import { InspectEvent } from '../protocol/inspect.ts';

/** A real server on a free port of 127.0.0.1, for tests. */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<RunningServer & { wsUrl: string }> {
  const config = { ...ConfigSchema.parse({ port: 0, host: '127.0.0.1', siteDir: 'no-site-in-tests', ephemeral: 'true' }), ...overrides };
  const running = await startServer(config);
  return { ...running, wsUrl: running.url.replace(/^http/, 'ws') };
}

/** Opens a client and waits until it is open (or rejects with the HTTP status of a refusal). */
export async function connect(url: string, options: ConstructorParameters<typeof WebSocket>[2] = {}): Promise<WebSocket> {
  const ws = new WebSocket(url, options);
  // Record from the start: messages in the same packet as the 101 arrive before `open` resolves.
  inbox(ws);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode })));
    ws.once('error', reject);
  });
  return ws;
}

/** The next message a client receives, as text or as a Buffer for binary frames. */
export async function nextMessage(ws: WebSocket): Promise<{ data: Buffer; isBinary: boolean }> {
  const [data, isBinary] = (await once(ws, 'message')) as [Buffer, boolean];
  return { data, isBinary };
}

/** Waits for the close event and returns its code and reason. */
export async function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  const [code, reason] = (await once(ws, 'close')) as [number, Buffer];
  return { code, reason: reason.toString() };
}

/** Refusal status and body of an upgrade the server must reject. */
export async function refusedUpgrade(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const ws = new WebSocket(url, { headers });
  return new Promise((resolve, reject) => {
    ws.once('open', () => reject(new Error(`expected ${url} to be refused, but it opened`)));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.once('error', () => undefined);
  });
}

const inboxes = new WeakMap<WebSocket, ReturnType<typeof createInbox>>();

/**
 * Every message a client receives, in order, since `connect` opened it: tests read them one
 * by one or wait for the first that matches, without racing the event emitter.
 */
export function inbox(ws: WebSocket) {
  let existing = inboxes.get(ws);
  if (!existing) inboxes.set(ws, (existing = createInbox(ws)));
  return existing;
}

function createInbox(ws: WebSocket) {
  const received: { data: Buffer; isBinary: boolean }[] = [];
  let read = 0;
  let wake: (() => void) | null = null;
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    received.push({ data, isBinary });
    wake?.();
  });
  async function next(): Promise<{ data: Buffer; isBinary: boolean }> {
    while (read >= received.length) await new Promise<void>((resolve) => (wake = resolve));
    return received[read++]!;
  }
  return {
    received,
    next,
    async json<T = Record<string, unknown>>(): Promise<T> {
      return JSON.parse((await next()).data.toString()) as T;
    },
    /** Skips messages until one matches. */
    async find<T = Record<string, unknown>>(matches: (message: T) => boolean): Promise<T> {
      for (;;) {
        const message = JSON.parse((await next()).data.toString()) as T;
        if (matches(message)) return message;
      }
    },
  };
}

/**
 * A bare TCP client that completes the WebSocket handshake and then does only what the test
 * says: it never reads (a slow consumer) and never answers pings (a dead peer).
 */
export async function rawUpgrade(url: string): Promise<Socket> {
  const { hostname, port, pathname, search } = new URL(url);
  const socket = createConnection({ host: hostname, port: Number(port) });
  await once(socket, 'connect');
  socket.write(
    `GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  const [head] = (await once(socket, 'data')) as [Buffer];
  if (!head.toString().startsWith('HTTP/1.1 101')) throw new Error(`upgrade refused: ${head.toString().split('\r\n')[0]}`);
  socket.pause();
  return socket;
}

/** A masked client frame (all-zero mask key, so the payload goes as is). */
export function clientFrame(payload: Buffer, opcode: number): Buffer {
  const length = payload.length;
  const header =
    length > 65535 ? Buffer.alloc(14) : length > 125 ? Buffer.alloc(8) : Buffer.alloc(6);
  header[0] = 0x80 | opcode;
  if (length > 65535) {
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  } else if (length > 125) {
    header[1] = 0x80 | 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 0x80 | length;
  }
  return Buffer.concat([header, payload]);
}

/** The value of one Prometheus sample, or 0 when absent. */
export async function metric(serverUrl: string, sample: string): Promise<number> {
  const text = await (await fetch(`${serverUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line ? Number(line.slice(sample.length + 1)) : 0;
}

export type InspectedFrame = Extract<InspectEvent, { type: 'frame' }>;

/** The inspector's events, validated with the shared schema as the browser does. */
export function inspector(ws: WebSocket) {
  const messages = inbox(ws);
  return {
    next: async () => InspectEvent.parse(await messages.json()),
    find: async <T extends InspectEvent>(matches: (event: InspectEvent) => event is T) => {
      for (;;) {
        const event = InspectEvent.parse(await messages.json());
        if (matches(event)) return event;
      }
    },
  };
}

export const isFrame = (direction: 'in' | 'out', opcode: InspectedFrame['opcode']) => (event: InspectEvent): event is InspectedFrame =>
  event.type === 'frame' && event.direction === direction && event.opcode === opcode;
