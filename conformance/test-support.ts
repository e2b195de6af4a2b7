import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import { allCases, selectCases } from './cases/index.ts';
import { applyMask, encodeFrame, FrameReader, Opcode, type DecodedFrame } from './frame.ts';
import { tcpConnect } from './node-pipe.ts';
import { systemClock } from './pipe.ts';
import { runSuite, type CaseResult } from './runner.ts';
import { parseTarget } from './target.ts';

/**
 * Servers for the suite's own tests: `ws` as the reference, and small raw-TCP servers with
 * one deliberate flaw each, which the suite must catch (a suite that cannot fail is a defect).
 */

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** A bare `ws` echo server on 127.0.0.1: the reference implementation. */
export async function wsEchoServer(): Promise<TestServer> {
  const http = createHttpServer();
  const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
  wss.on('connection', (ws) => {
    ws.on('error', () => undefined);
    ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
  });
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  return {
    url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}/echo`,
    async close() {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => http.close(() => resolve())));
    },
  };
}

export type Flaw =
  /** Answers every handshake with the same hard-coded Sec-WebSocket-Accept. */
  | 'wrong-accept'
  /** Echoes data frames masked, as a client would send them (§5.1 forbids it). */
  | 'masked-echo'
  /** Echoes the payload as it came off the wire, still XORed with the client's key. */
  | 'no-unmask'
  /** Echoes correctly but never answers a ping. */
  | 'no-pong';

/** A hand-written server that is right about everything but its `flaw`. */
export async function flawedServer(flaw: Flaw): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let head = Buffer.alloc(0);
    let reader: FrameReader | null = null;
    socket.on('data', (chunk: Buffer) => {
      if (reader === null) {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        const key = /^sec-websocket-key:\s*(\S+)/im.exec(head.subarray(0, end).toString('latin1'))?.[1] ?? '';
        const accept =
          flaw === 'wrong-accept' ? 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=' : createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
        socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
        reader = new FrameReader();
        chunk = head.subarray(end + 4);
      }
      reader.push(chunk);
      for (let frame = reader.next(); frame !== null; frame = reader.next()) answer(socket, frame, flaw);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function answer(socket: Socket, frame: DecodedFrame, flaw: Flaw): void {
  const { opcode, fin, payload } = frame;
  if (opcode === Opcode.close) {
    socket.end(encodeFrame({ opcode, payload, mask: false }));
  } else if (opcode === Opcode.ping) {
    if (flaw !== 'no-pong') socket.write(encodeFrame({ opcode: Opcode.pong, payload, mask: false }));
  } else if (opcode === Opcode.text || opcode === Opcode.binary || opcode === Opcode.continuation) {
    const wire = flaw === 'no-unmask' && frame.maskKey ? applyMask(payload, frame.maskKey) : payload;
    socket.write(encodeFrame({ opcode, fin, payload: wire, mask: flaw === 'masked-echo' }));
  }
}

/** Runs the suite (or the cases `filter` picks) against `url` over TCP, as the CLI does. */
export async function runAt(url: string, options: { filter?: string; timeoutMs?: number } = {}): Promise<CaseResult[]> {
  const target = parseTarget(url);
  if ('error' in target) throw new Error(target.error);
  const cases = options.filter === undefined ? allCases : selectCases(allCases, options.filter);
  return runSuite(cases, tcpConnect(target), target, { timeoutMs: options.timeoutMs ?? 2000, budgetMs: 120_000, clock: systemClock });
}

/** Case id → verdict, for assertions that read like the report. */
export function verdicts(results: readonly CaseResult[], verdict: CaseResult['verdict']): string[] {
  return results.filter((r) => r.verdict === verdict).map((r) => r.id);
}
