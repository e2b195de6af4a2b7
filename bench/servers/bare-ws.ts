import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * The baseline: a bare `ws` server doing what ours does for the benchmark, the way most
 * tutorials write it — echo, and a room relayed with a per-client send loop.
 */
const server = createServer();
const wss = new WebSocketServer({ server, perMessageDeflate: false });
const room = new Set<WebSocket>();

wss.on('connection', (ws, req) => {
  ws.on('error', () => undefined);
  if (req.url === '/echo') {
    ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
  } else {
    room.add(ws);
    ws.on('message', (data, isBinary) => {
      for (const member of room) if (member !== ws) member.send(data, { binary: isBinary });
    });
    ws.on('close', () => room.delete(ws));
  }
});

server.listen(0, '127.0.0.1', () => console.log(`listening on :${(server.address() as AddressInfo).port}`));
