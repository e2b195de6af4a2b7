import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { LiveSocket } from '../live-socket.ts';
import { rejectUpgrade } from '../http-reply.ts';
import { CloseCode } from '../../protocol/close-codes.ts';
import { WorkshopServerMessage } from '../../protocol/workshop.ts';
import { createWorkshopEndpoint } from './endpoint.ts';
import { memoryWorkshopStore } from '../store/memory.ts';
import { defaultWorkshopLimits, type WorkshopLimits } from './limits.ts';

/**
 * A server with only the workshop endpoint, bounded by the limits a test chooses (the real
 * server reads them from the environment once). Port 0 on 127.0.0.1. Its sockets are
 * LiveSockets without the server's per-connection rules: those are tested through the real server.
 */
export async function startWorkshopServer(limits: Partial<WorkshopLimits> = {}) {
  const endpoint = createWorkshopEndpoint({ ...defaultWorkshopLimits, ...limits }, memoryWorkshopStore(), []);
  const wss = new WebSocketServer({ noServer: true, WebSocket: LiveSocket });
  const server = createServer((_req, res) => res.writeHead(426).end());
  server.on('upgrade', (req, socket, head) => {
    const match = endpoint.match(new URL(req.url ?? '/', 'http://localhost'));
    if (!match) return rejectUpgrade(socket, 404, 'not a workshop path');
    if ('status' in match) return rejectUpgrade(socket, match.status, match.reason);
    wss.handleUpgrade(req, socket, head, (ws) => endpoint.open(ws as LiveSocket, req, match.params));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    wsUrl: `ws://127.0.0.1:${port}/ws/workshop`,
    async close() {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

type Message = WorkshopServerMessage;
type OfType<T extends Message['type']> = Extract<Message, { type: T }>;

/**
 * A workshop client for tests: every server message is validated against the shared schema
 * and queued, so a test can wait for "the next `poll` message whose totals reach 3".
 */
export class WorkshopClient {
  readonly ws: WebSocket;
  readonly #unread: Message[] = [];
  readonly #waiters = new Set<() => void>();
  readonly closed: Promise<{ code: number; reason: string }>;
  /** How the socket closed, once it has: said when a wait ends in a close. */
  #closedWith = '';

  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on('message', (data) => {
      this.#unread.push(WorkshopServerMessage.parse(JSON.parse(data.toString())));
      for (const wake of this.#waiters) wake();
    });
    this.closed = new Promise((resolve) =>
      ws.once('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        this.#closedWith = `${code} ${reason.toString()}`;
        for (const wake of this.#waiters) wake();
      }),
    );
  }

  static async open(url: string): Promise<WorkshopClient> {
    const ws = new WebSocket(url);
    const client = new WorkshopClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return client;
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The first unread message of this type (and matching `where`), waiting for it if needed. */
  async next<T extends Message['type']>(type: T, where: (message: OfType<T>) => boolean = () => true): Promise<OfType<T>> {
    for (;;) {
      const index = this.#unread.findIndex((message) => message.type === type && where(message as OfType<T>));
      if (index >= 0) return this.#unread.splice(index, 1)[0] as OfType<T>;
      if (this.ws.readyState === WebSocket.CLOSED) throw new Error(`closed (${this.#closedWith}) while waiting for a "${type}" message`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.#waiters.delete(wake);
          resolve();
        };
        this.#waiters.add(wake);
      });
    }
  }

  /** Messages received and not yet taken by `next`, e.g. to assert that nothing else arrived. */
  get unread(): readonly Message[] {
    return this.#unread;
  }
}

/** Creates a room; returns its host client, code and token. */
export async function createRoom(wsUrl: string) {
  const host = await WorkshopClient.open(`${wsUrl}/new`);
  const { code, hostToken } = await host.next('created');
  await host.next('welcome-host');
  return { host, code, hostToken };
}

/** Joins a room as an attendee; returns the client and its welcome. */
export async function joinRoom(wsUrl: string, code: string, name: string, seat?: string) {
  const client = await WorkshopClient.open(`${wsUrl}/${code}`);
  client.send({ type: 'join', name, ...(seat ? { seat } : {}) });
  const welcome = await client.next('welcome');
  return { client, welcome };
}

/**
 * The owner of `code` is gone (killed, or stalled past its lease): `seated`, relayed by the
 * instance at `wsUrl`, is closed with 1001, comes back there with its seat token and keeps its
 * seat; a host console opened there with the host key is welcomed. Both are returned.
 */
export async function resumeAfterTakeover(wsUrl: string, code: string, hostToken: string, seated: Awaited<ReturnType<typeof joinRoom>>, name: string) {
  assert.equal((await seated.client.closed).code, CloseCode.goingAway);
  const back = await joinRoom(wsUrl, code, name, seated.welcome.you.seat);
  assert.equal(back.welcome.you.id, seated.welcome.you.id, 'same seat: the room was taken over from the shared log');
  const console = await WorkshopClient.open(`${wsUrl}/${code}`);
  console.send({ type: 'host', token: hostToken });
  await console.next('welcome-host');
  return { back, console };
}
