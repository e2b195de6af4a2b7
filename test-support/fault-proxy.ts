import { createServer, connect as tcpConnect, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A TCP fault proxy for tests: it listens on 127.0.0.1, forwards every connection to a target,
 * and on command breaks the path the way real networks break, below WebSocket, so the code under
 * test meets what a dropped Wi-Fi or a dead router really does:
 *
 * - `cut(seconds)`: every current connection is destroyed (no close frame) and new connections
 *   are refused (ECONNREFUSED: nothing listens) until the cut heals;
 * - `blackhole()`: connections stay open but no byte moves either way, and neither side hears of
 *   the other closing: a half-open link. Bytes sent meanwhile wait, as TCP retransmission would
 *   deliver them, and flow again on `heal()`;
 * - `latency(ms, jitterMs)` and `bandwidth(bytesPerSecond)` delay chunks without reordering them.
 *
 * In-process, so node tests and Playwright specs (which run in Node) drive it directly.
 */
export interface FaultProxyTarget {
  host: string;
  port: number;
}

interface Lane {
  /** When the last chunk of this direction is due, so delays never reorder the stream. */
  dueAt: number;
  /**
   * Chunks delayed but not yet written, oldest first, drained by one timer at a time: timers of
   * different lengths due in the same millisecond fire in no promised order, a queue does.
   * The lane ends only after them.
   */
  held: { dueAt: number; chunk: Buffer }[];
  /** The source ended or closed while blackholed: passed on at heal. */
  endedEarly: boolean;
}

interface Pair {
  client: Socket;
  upstream: Socket;
  lanes: { up: Lane; down: Lane };
}

export class FaultProxy {
  readonly #target: FaultProxyTarget;
  readonly #pairs = new Set<Pair>();
  #server: Server;
  #port = 0;
  #blackholed = false;
  #cutTimer: NodeJS.Timeout | null = null;
  #listening = false;
  #latencyMs = 0;
  #jitterMs = 0;
  #bytesPerSecond = 0;
  #stopped = false;

  private constructor(target: FaultProxyTarget) {
    this.#target = target;
    this.#server = this.#newServer();
  }

  /** Starts a proxy on a free port of 127.0.0.1 in front of `target`. */
  static async start(target: FaultProxyTarget | string): Promise<FaultProxy> {
    const proxy = new FaultProxy(typeof target === 'string' ? targetOf(target) : target);
    await proxy.#listen(0);
    return proxy;
  }

  get port(): number {
    return this.#port;
  }

  /** `http://127.0.0.1:<port>`: the origin a page loaded through the proxy has. */
  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** Connections open through the proxy right now. */
  get connections(): number {
    return this.#pairs.size;
  }

  /** Destroys every connection and refuses new ones for `seconds` (then heals by itself). */
  async cut(seconds: number): Promise<number> {
    const count = this.#pairs.size;
    for (const pair of [...this.#pairs]) this.#destroy(pair);
    if (this.#listening) {
      this.#listening = false;
      await new Promise<void>((done) => this.#server.close(() => done()));
    }
    if (this.#cutTimer) clearTimeout(this.#cutTimer);
    this.#cutTimer = setTimeout(() => void this.heal(), seconds * 1000);
    return count;
  }

  /** Stops every byte both ways on current and new connections; nothing is closed. */
  blackhole(): void {
    this.#blackholed = true;
    for (const pair of this.#pairs) {
      pair.client.pause();
      pair.upstream.pause();
    }
  }

  /** Ends a cut or a blackhole: connections are accepted and bytes flow again. */
  async heal(): Promise<void> {
    if (this.#cutTimer) clearTimeout(this.#cutTimer);
    this.#cutTimer = null;
    if (this.#blackholed) {
      this.#blackholed = false;
      for (const pair of [...this.#pairs]) {
        pair.client.resume();
        pair.upstream.resume();
        if (pair.lanes.up.endedEarly && pair.lanes.up.held.length === 0) this.#endLane(pair.upstream, pair.lanes.up);
        if (pair.lanes.down.endedEarly && pair.lanes.down.held.length === 0) this.#endLane(pair.client, pair.lanes.down);
      }
    }
    if (!this.#listening && !this.#stopped) {
      this.#server = this.#newServer();
      await this.#listen(this.#port);
    }
  }

  /** Delays every chunk by `ms` plus up to `jitterMs` at random (0, 0 removes it). */
  latency(ms: number, jitterMs = 0): void {
    this.#latencyMs = ms;
    this.#jitterMs = jitterMs;
  }

  /** Caps each direction of each connection at `bytesPerSecond` (0 removes the cap). */
  bandwidth(bytesPerSecond: number): void {
    this.#bytesPerSecond = bytesPerSecond;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#cutTimer) clearTimeout(this.#cutTimer);
    for (const pair of [...this.#pairs]) this.#destroy(pair);
    if (this.#listening) {
      this.#listening = false;
      await new Promise<void>((done) => this.#server.close(() => done()));
    }
  }

  #newServer(): Server {
    return createServer({ noDelay: true }, (client) => this.#accept(client));
  }

  async #listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, '127.0.0.1', () => {
        this.#server.off('error', reject);
        resolve();
      });
    });
    this.#port = (this.#server.address() as AddressInfo).port;
    this.#listening = true;
  }

  #accept(client: Socket): void {
    const upstream = tcpConnect({ host: this.#target.host, port: this.#target.port, noDelay: true });
    const lane = (): Lane => ({ dueAt: 0, held: [], endedEarly: false });
    const pair: Pair = { client, upstream, lanes: { up: lane(), down: lane() } };
    this.#pairs.add(pair);
    let closed = 0;
    const forget = () => {
      if (++closed === 2) this.#pairs.delete(pair);
    };
    client.once('close', forget);
    upstream.once('close', forget);
    if (this.#blackholed) {
      client.pause();
      upstream.pause();
    }
    this.#forward(client, upstream, pair.lanes.up);
    this.#forward(upstream, client, pair.lanes.down);
  }

  /** One direction of a pair: chunks from `from` go to `to`, delayed and paced as configured. */
  #forward(from: Socket, to: Socket, lane: Lane): void {
    from.on('data', (chunk: Buffer) => {
      const now = Date.now();
      const delay = this.#latencyMs + Math.random() * this.#jitterMs;
      const sendTime = this.#bytesPerSecond > 0 ? (chunk.length / this.#bytesPerSecond) * 1000 : 0;
      if (delay === 0 && sendTime === 0 && lane.dueAt <= now && lane.held.length === 0) {
        if (to.write(chunk)) return;
        from.pause();
        to.once('drain', () => this.#blackholed || from.resume());
        return;
      }
      lane.dueAt = Math.max(lane.dueAt, now + delay) + sendTime;
      lane.held.push({ dueAt: lane.dueAt, chunk });
      if (lane.held.length === 1) this.#drainLater(to, lane);
    });
    // A half-open link carries no FIN or RST: the other side learns of a close only after heal.
    const ended = () => {
      lane.endedEarly = true;
      if (!this.#blackholed && lane.held.length === 0) this.#endLane(to, lane);
    };
    from.on('end', ended);
    from.on('close', ended);
    from.on('error', () => undefined); // followed by close
  }

  /** Writes the held chunks that are due, in order, then waits for the next one. */
  #drainLater(to: Socket, lane: Lane): void {
    const head = lane.held[0];
    if (!head) return;
    setTimeout(() => {
      const now = Date.now();
      while (lane.held[0] && lane.held[0].dueAt <= now) {
        const { chunk } = lane.held.shift()!;
        if (!to.destroyed) to.write(chunk);
      }
      if (lane.held.length > 0) this.#drainLater(to, lane);
      else if (lane.endedEarly && !this.#blackholed) this.#endLane(to, lane);
    }, Math.max(0, head.dueAt - Date.now()));
  }

  /** Passes a close on: what was sent still arrives, then the FIN. */
  #endLane(to: Socket, lane: Lane): void {
    lane.endedEarly = false;
    if (!to.destroyed) to.end();
  }

  /** A cut: both ends get a TCP reset, as when a router between them drops the flow. */
  #destroy(pair: Pair): void {
    this.#pairs.delete(pair);
    reset(pair.client);
    reset(pair.upstream);
  }
}

/** An RST where there is a connection to reset; a socket still connecting is just dropped. */
function reset(socket: Socket): void {
  if (socket.connecting || socket.destroyed) socket.destroy();
  else socket.resetAndDestroy();
}

/** `http://127.0.0.1:4399` or `ws://…` → host and port. */
function targetOf(url: string): FaultProxyTarget {
  const parsed = new URL(url);
  return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port: Number(parsed.port) };
}
