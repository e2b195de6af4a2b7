import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';

/**
 * Socket.IO 4 doing the same work: WebSocket transport only (no polling upgrade dance),
 * compression off, echo by event, and a room broadcast through its adapter.
 */
const server = createServer();
const io = new Server(server, { transports: ['websocket'], perMessageDeflate: false, serveClient: false });
// REDIS_URL: several such servers share rooms through the official Redis adapter (bench/state.ts).
if (process.env.REDIS_URL) {
  const pub = createClient({ url: process.env.REDIS_URL });
  const sub = pub.duplicate();
  for (const client of [pub, sub]) client.on('error', (error: Error) => console.error(`redis: ${error.message}`));
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub));
}

io.on('connection', (socket) => {
  if (socket.handshake.query['room']) void socket.join('bench');
  socket.on('echo', (data: string) => socket.emit('echo', data));
  socket.on('msg', (data: string) => socket.to('bench').emit('msg', data));
});

server.listen(0, '127.0.0.1', () => console.log(`listening on :${(server.address() as AddressInfo).port}`));
