import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

/**
 * Socket.IO 4 doing the same work: WebSocket transport only (no polling upgrade dance),
 * compression off, echo by event, and a room broadcast through its adapter.
 */
const server = createServer();
const io = new Server(server, { transports: ['websocket'], perMessageDeflate: false, serveClient: false });

io.on('connection', (socket) => {
  if (socket.handshake.query['room']) void socket.join('bench');
  socket.on('echo', (data: string) => socket.emit('echo', data));
  socket.on('msg', (data: string) => socket.to('bench').emit('msg', data));
});

server.listen(0, '127.0.0.1', () => console.log(`listening on :${(server.address() as AddressInfo).port}`));
