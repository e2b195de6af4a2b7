import { bytes, chunks, concat, hex } from './bytes.ts';
import { encodeFrame, FrameError, FrameReader, Opcode, opcodeName, type FrameSpec } from './frame.ts';
import { acceptFor, handshakeProblems, newKey, readResponseHead, upgradeRequest } from './handshake.ts';
import { sleep, type BytePipe, type Clock } from './pipe.ts';
import { isSendableCloseCode, ServerStream, type FrameRecord, type Received } from './server-stream.ts';
import type { Target } from './target.ts';

/**
 * One connection of one case: performs the handshake, sends what the case asks (recording
 * the exact bytes), decodes what comes back, and plays the client's part of the closing
 * handshake. Everything is timed from the start of the case.
 */

export interface HandshakeRecord {
  status: number | null;
  headers: Record<string, string>;
  /** Empty when the handshake succeeded. */
  problems: string[];
  ms: number | null;
}

export interface SentRecord {
  atMs: number;
  /** One line per frame, e.g. "text FIN rsv=000 masked 125 bytes". */
  frames: string[];
  bytes: number;
  /** The first bytes on the wire, hex. */
  wire: string;
  /** How the bytes were written, when not in one write. */
  chop?: string;
}

/** Everything a verdict may look at. */
export interface Observation {
  handshake: HandshakeRecord;
  sent: SentRecord[];
  frames: FrameRecord[];
  received: Received[];
  violations: string[];
  /** When the TCP connection ended and which side ended it, or null while open. */
  tcpClosed: { atMs: number; by: 'server' | 'client' } | null;
  /** Points in time a case noted, e.g. "complete" once the last fragment went out. */
  marks: Record<string, number>;
}

/** How a send is cut up: `bytes` per write, `pauseMs` between writes so they leave as separate segments. */
export interface Chop {
  bytes: number;
  pauseMs?: number;
}

export class Session {
  readonly timeoutMs: number;
  readonly #pipe: BytePipe;
  readonly #clock: Clock;
  readonly #start: number;
  readonly #stream = new ServerStream();
  readonly #reader = new FrameReader();
  readonly #waiters = new Set<() => void>();
  readonly #sent: SentRecord[] = [];
  readonly #marks: Record<string, number> = {};
  #handshake: HandshakeRecord = { status: null, headers: {}, problems: ['no handshake attempted'], ms: null };
  /** Bytes before the end of the HTTP head; null once the handshake is over. */
  #head: Uint8Array[] | null = [];
  #headResult: ReturnType<typeof readResponseHead> = null;
  #readerBroken = false;
  #clientCloseSent = false;
  #tcpClosed: Observation['tcpClosed'] = null;
  #droppingByUs = false;

  constructor(pipe: BytePipe, clock: Clock, timeoutMs: number) {
    this.#pipe = pipe;
    this.#clock = clock;
    this.timeoutMs = timeoutMs;
    this.#start = clock.now();
    pipe.onData((data) => this.#onData(data));
    void pipe.closed.then(() => {
      this.#tcpClosed = { atMs: this.atMs(), by: this.#droppingByUs ? 'client' : 'server' };
      this.#wake();
    });
  }

  atMs(): number {
    return Math.round((this.#clock.now() - this.#start) * 10) / 10;
  }

  get isClosed(): boolean {
    return this.#tcpClosed !== null;
  }

  get serverClosed(): boolean {
    return this.#stream.received.some((item) => item.kind === 'close');
  }

  /** §4.1 client side. `pieces` > 1 writes the request slowly, 50 ms between pieces. */
  async handshake(target: Target, pieces = 1): Promise<HandshakeRecord> {
    const key = newKey();
    const expected = await acceptFor(key);
    const request = upgradeRequest(target, key);
    const started = this.#clock.now();
    for (const [i, piece] of chunks(request, Math.ceil(request.length / pieces)).entries()) {
      if (i > 0) await sleep(this.#clock, 50);
      this.#pipe.write(piece);
    }
    await this.waitFor(() => this.#headResult !== null);
    const result = this.#headResult;
    const ms = Math.round(this.#clock.now() - started);
    if (result === null) {
      const why = this.isClosed ? 'the connection closed before any HTTP response' : `no HTTP response within ${this.timeoutMs} ms`;
      this.#handshake = { status: null, headers: {}, problems: [why], ms: null };
    } else if ('error' in result) {
      this.#handshake = { status: null, headers: {}, problems: [result.error], ms };
    } else {
      const { response, rest } = result;
      this.#handshake = { status: response.status, headers: response.headers, problems: handshakeProblems(response, expected), ms };
      if (this.#handshake.problems.length === 0) this.#onFrames(rest);
    }
    return this.#handshake;
  }

  /** Encodes the frames and writes them back to back (one write unless chopped). */
  async send(frames: FrameSpec | readonly FrameSpec[], chop?: Chop): Promise<void> {
    const list = Array.isArray(frames) ? frames : [frames as FrameSpec];
    const encoded = list.map((spec) => encodeFrame(spec));
    const wire = concat(encoded);
    if (list.some((spec) => spec.opcode === Opcode.close)) this.#clientCloseSent = true;
    this.#sent.push({
      atMs: this.atMs(),
      frames: list.map((spec, i) => describe(spec, encoded[i]!)),
      bytes: wire.length,
      wire: hex(wire, 48),
      ...(chop ? { chop: `${chop.bytes}-byte writes, ${chop.pauseMs ?? 1} ms apart` } : {}),
    });
    if (!chop) return this.#pipe.write(wire);
    for (const [i, piece] of chunks(wire, chop.bytes).entries()) {
      if (this.isClosed) return;
      if (i > 0) await sleep(this.#clock, chop.pauseMs ?? 1);
      this.#pipe.write(piece);
    }
  }

  mark(name: string): void {
    this.#marks[name] = this.atMs();
  }

  /** Resolves true once `condition` holds, false after `ms`; also returns as soon as the TCP connection is gone. */
  waitFor(condition: () => boolean, ms = this.timeoutMs): Promise<boolean> {
    if (condition() || this.isClosed) return Promise.resolve(condition());
    return new Promise((resolve) => {
      const check = () => {
        if (condition() || this.isClosed) done();
      };
      const done = () => {
        this.#waiters.delete(check);
        cancel();
        resolve(condition());
      };
      const cancel = this.#clock.after(ms, done);
      this.#waiters.add(check);
    });
  }

  /** Waits for `count` messages and pongs, or the server's close. */
  waitForReplies(count: number): Promise<boolean> {
    return this.waitFor(() => this.serverClosed || this.#stream.received.filter((item) => item.kind !== 'ping').length >= count);
  }

  waitForServerClose(ms = this.timeoutMs): Promise<boolean> {
    return this.waitFor(() => this.serverClosed, ms);
  }

  /** §7.1.2: we start the closing handshake, then wait for the server's close and for it to end TCP (§7.1.1). */
  async closeNormally(code = 1000, reason?: Uint8Array): Promise<void> {
    if (!this.#clientCloseSent && !this.isClosed) await this.send(closeFrame(code, reason));
    await this.waitFor(() => this.serverClosed);
    await this.waitFor(() => false);
  }

  /** Ends our side for good; pending waits return. */
  dispose(): void {
    if (this.isClosed) return;
    this.#droppingByUs = true;
    this.#pipe.close();
  }

  observation(): Observation {
    return {
      handshake: this.#handshake,
      sent: this.#sent,
      frames: this.#stream.frames,
      received: this.#stream.received,
      violations: this.#stream.violations,
      tcpClosed: this.#tcpClosed,
      marks: this.#marks,
    };
  }

  #onData(data: Uint8Array): void {
    if (this.#head === null) return this.#onFrames(data);
    this.#head.push(data);
    const result = readResponseHead(concat(this.#head));
    if (result === null) return;
    this.#head = null;
    this.#headResult = result;
    this.#wake();
  }

  #onFrames(data: Uint8Array): void {
    if (this.#readerBroken) return;
    this.#reader.push(data);
    try {
      for (let frame = this.#reader.next(); frame !== null; frame = this.#reader.next()) {
        this.#stream.accept(frame, this.atMs());
        if (frame.opcode === Opcode.close) this.#answerClose(frame.payload);
      }
    } catch (error) {
      if (!(error instanceof FrameError)) throw error;
      this.#readerBroken = true;
      this.#stream.violations.push(`undecodable frame: ${error.message}`);
    }
    this.#wake();
  }

  /** §5.5.1: a close we did not start is answered with a close, echoing a code we may send. */
  #answerClose(payload: Uint8Array): void {
    if (this.#clientCloseSent) return;
    if (payload.length < 2) return void this.send(closeFrame(null));
    const code = (payload[0]! << 8) | payload[1]!;
    void this.send(closeFrame(isSendableCloseCode(code) ? code : 1002));
  }

  #wake(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }
}

/** A client close frame; `code` null sends the empty payload (§5.5.1 allows no status). */
export function closeFrame(code: number | null, reason: Uint8Array = new Uint8Array(0)): FrameSpec {
  return { opcode: Opcode.close, payload: code === null ? new Uint8Array(0) : concat([bytes(code >> 8, code & 0xff), reason]) };
}

function describe(spec: FrameSpec, encoded: Uint8Array): string {
  const rsv = `${spec.rsv1 ? 1 : 0}${spec.rsv2 ? 1 : 0}${spec.rsv3 ? 1 : 0}`;
  const length = spec.payload?.length ?? 0;
  const masked = spec.mask ?? true;
  return `${opcodeName(spec.opcode)} ${(spec.fin ?? true) ? 'FIN' : 'no FIN'} rsv=${rsv} ${masked ? `masked key=${hex(encoded.subarray(encoded.length - length - 4, encoded.length - length))}` : 'unmasked'} ${length} bytes`;
}
