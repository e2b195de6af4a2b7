import { once } from 'node:events';
import { createConnection, type Socket } from 'node:net';
import { WebSocket } from 'ws';
import { LabEvent, packLabFrame, unpackLabFrame } from '../../protocol/lab.ts';

type Event = LabEvent;

/**
 * A lab owner for tests: the socket, its `ready` message, and every event and byte chunk it
 * received, in order, so a test can wait for the next one without racing the emitter.
 */
export async function openLab(serverUrl: string, origin = serverUrl) {
  // Listening before the 101 arrives: `ready` may come in the same packet.
  const ws = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}/ws/lab`, { headers: { Origin: origin } });
  const events: Event[] = [];
  const bytes = new Map<number, Buffer[]>();
  let wake: (() => void) | null = null;
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (isBinary) {
      const frame = unpackLabFrame(data);
      if (!frame) throw new Error('the server sent a binary frame without a connection id');
      const chunks = bytes.get(frame.connection) ?? [];
      chunks.push(Buffer.from(frame.bytes));
      bytes.set(frame.connection, chunks);
    } else events.push(LabEvent.parse(JSON.parse(data.toString())));
    wake?.();
  });
  const until = async <T>(found: () => T | undefined): Promise<T> => {
    for (;;) {
      const value = found();
      if (value !== undefined) return value;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  const ready = await until(() => events.find((e) => e.type === 'ready'));
  if (ready.type !== 'ready') throw new Error('unreachable');
  return {
    ws,
    ready,
    events,
    /** The first event of this type (waits for it). */
    event: <K extends Event['type']>(type: K, matches: (e: Extract<Event, { type: K }>) => boolean = () => true) =>
      until(() => events.find((e): e is Extract<Event, { type: K }> => e.type === type && matches(e as Extract<Event, { type: K }>))),
    /** All bytes received for a connection once they reach `length`. */
    received: (connection: number, length: number) =>
      until(() => {
        const chunks = bytes.get(connection) ?? [];
        // Joined only once enough has come: a flood of chunks must not cost a copy per chunk.
        return chunks.reduce((sum, chunk) => sum + chunk.length, 0) >= length ? Buffer.concat(chunks) : undefined;
      }),
    write: (connection: number, data: Uint8Array | string) =>
      ws.send(packLabFrame(connection, typeof data === 'string' ? Buffer.from(data) : data), { binary: true }),
    end: (connection: number) => ws.send(JSON.stringify({ type: 'end', connection })),
  };
}

/** A raw TCP client that writes `request` to the server and records what comes back. */
export async function rawClient(serverUrl: string, request: string | Buffer) {
  const { hostname, port } = new URL(serverUrl);
  const socket: Socket = createConnection({ host: hostname, port: Number(port) });
  await once(socket, 'connect');
  socket.write(request);
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, ended, text: () => Buffer.concat(chunks).toString('latin1') };
}

/** An upgrade request for a lab path, as a browser would send it. */
export const upgradeRequest = (path: string, host: string, extra = '') =>
  `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
  `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`;

