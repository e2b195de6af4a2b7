/**
 * A TCP relay that stands for one shared network link (a workshop's Wi-Fi): every connection
 * through it shares one token bucket for the server→client direction, served round-robin so a
 * big download does not starve a small one. It counts the bytes each way. Without a rate it is
 * a plain counting relay. Client→server bytes (requests: small) pass unshaped.
 */
import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface SharedLink {
  /** `http://127.0.0.1:<port>`: point clients here instead of at the server. */
  url: string;
  bytesDown: number;
  bytesUp: number;
  close(): Promise<void>;
}

/** One slice of the link's time: the bucket never lets out more than this at once. */
const sliceBytes = 16 * 1024;
/** A connection's queue above this pauses its server socket (the relay's memory stays bounded). */
const highWater = 256 * 1024;

interface Pipe {
  client: Socket;
  server: Socket;
  queue: Buffer[];
  queued: number;
  serverEnded: boolean;
}

export async function startSharedLink(target: { host: string; port: number }, bitsPerSecond?: number): Promise<SharedLink> {
  const bytesPerMs = bitsPerSecond ? bitsPerSecond / 8 / 1000 : Infinity;
  const waiting: Pipe[] = [];
  let tokens = sliceBytes;
  let refilledAt = performance.now();
  let timer: NodeJS.Timeout | null = null;
  const sockets = new Set<Socket>();

  const link: SharedLink = { url: '', bytesDown: 0, bytesUp: 0, close };

  const finishIfDrained = (pipe: Pipe) => {
    if (pipe.serverEnded && pipe.queued === 0) pipe.client.end();
  };

  /** Sends whole slices while the bucket has tokens, one connection after the other. */
  const pump = () => {
    timer = null;
    const now = performance.now();
    tokens = Math.min(sliceBytes * 2, tokens + (now - refilledAt) * bytesPerMs);
    refilledAt = now;
    while (waiting.length > 0) {
      const pipe = waiting[0]!;
      const chunk = pipe.queue[0]!;
      if (tokens < chunk.byteLength) break;
      tokens -= chunk.byteLength;
      pipe.queue.shift();
      pipe.queued -= chunk.byteLength;
      link.bytesDown += chunk.byteLength;
      if (!pipe.client.destroyed) pipe.client.write(chunk);
      waiting.shift();
      if (pipe.queue.length > 0) waiting.push(pipe);
      if (pipe.queued < highWater / 2) pipe.server.resume();
      finishIfDrained(pipe);
    }
    if (waiting.length > 0) timer = setTimeout(pump, Math.max(1, (waiting[0]!.queue[0]!.byteLength - tokens) / bytesPerMs));
  };

  const enqueue = (pipe: Pipe, data: Buffer) => {
    if (bytesPerMs === Infinity) {
      link.bytesDown += data.byteLength;
      pipe.client.write(data);
      return;
    }
    const wasIdle = pipe.queue.length === 0;
    for (let at = 0; at < data.byteLength; at += sliceBytes) pipe.queue.push(data.subarray(at, at + sliceBytes));
    pipe.queued += data.byteLength;
    if (wasIdle) waiting.push(pipe);
    if (pipe.queued > highWater) pipe.server.pause();
    if (!timer) pump();
  };

  const relay = createServer((client) => {
    const server = connect(target.port, target.host);
    const pipe: Pipe = { client, server, queue: [], queued: 0, serverEnded: false };
    for (const socket of [client, server]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        server.destroy();
      });
    }
    client.on('data', (data: Buffer) => {
      link.bytesUp += data.byteLength;
      server.write(data);
    });
    client.on('end', () => server.end());
    client.on('close', () => {
      server.destroy();
      const at = waiting.indexOf(pipe);
      if (at >= 0) waiting.splice(at, 1);
    });
    server.on('data', (data: Buffer) => enqueue(pipe, data));
    server.on('end', () => {
      pipe.serverEnded = true;
      finishIfDrained(pipe);
    });
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  link.url = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;

  async function close() {
    if (timer) clearTimeout(timer);
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => relay.close(() => resolve()));
  }
  return link;
}
