import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, connect, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startSharedLink } from './shared-link.ts';

/** A server that sends `bytes` bytes to each client, then closes. */
async function sender(bytes: number): Promise<Server> {
  const server = createServer((socket) => socket.end(Buffer.alloc(bytes, 1)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function download(url: string): Promise<{ bytes: number; ms: number }> {
  const { hostname, port } = new URL(url);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let bytes = 0;
    const socket = connect(Number(port), hostname);
    socket.on('data', (data: Buffer) => (bytes += data.byteLength));
    socket.on('end', () => resolve({ bytes, ms: performance.now() - started }));
    socket.on('error', reject);
  });
}

test('the link counts every byte and shares its rate between all connections', async (t) => {
  const server = await sender(250_000);
  const link = await startSharedLink({ host: '127.0.0.1', port: (server.address() as AddressInfo).port }, 8_000_000); // 1 MB/s
  t.after(async () => {
    await link.close();
    server.close();
  });
  const results = await Promise.all([1, 2, 3, 4].map(() => download(link.url)));
  for (const result of results) assert.equal(result.bytes, 250_000);
  assert.equal(link.bytesDown, 1_000_000);
  // 1 MB through a 1 MB/s link cannot take much under a second, whoever asks (a lower bound only).
  assert.ok(Math.max(...results.map((r) => r.ms)) >= 900, `took ${results.map((r) => r.ms.toFixed(0))} ms`);
  // Round-robin: no connection finishes long before the others.
  const times = results.map((r) => r.ms);
  assert.ok(Math.min(...times) >= Math.max(...times) * 0.6, `finish times ${times.map((ms) => ms.toFixed(0))}`);
});

test('without a rate the link only counts', async (t) => {
  const server = await sender(100_000);
  const link = await startSharedLink({ host: '127.0.0.1', port: (server.address() as AddressInfo).port });
  t.after(async () => {
    await link.close();
    server.close();
  });
  assert.equal((await download(link.url)).bytes, 100_000);
  assert.equal(link.bytesDown, 100_000);
});
