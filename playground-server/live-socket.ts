import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import { CloseCode, ReportedCloseCode } from '../protocol/close-codes.ts';
import type { DropReason, EndpointCounters, Metrics } from './metrics.ts';
import { RateLimit } from './rate-limit.ts';
import type { TraceTap } from './trace-hub.ts';
import type { CompressionTap, WireMessage } from './compression-tap.ts';

type SendCallback = (error?: Error) => void;
interface SendOptions {
  binary?: boolean;
  mask?: boolean;
  compress?: boolean;
  fin?: boolean;
}
type Payload = Parameters<WebSocket['send']>[0];

/** What the server knows about one accepted connection, set right after the upgrade. */
export interface ConnectionContext {
  counters: EndpointCounters;
  metrics: Metrics;
  /** The raw TCP socket: broadcast writes frames built once straight to it. */
  socket: Duplex;
  /** Messages per second this connection may send, sustained. */
  rateLimit: number;
  /** Messages it may send at once above that rate (a learner's loop), before the rate applies. */
  rateBurst: number;
  /** Bytes queued for this client past which it is dropped as a slow consumer. */
  sendBuffer: number;
  trace: TraceTap | null;
  /** On a traced connection of a compressing endpoint: each message's size on the wire. */
  compression: CompressionTap | null;
}

const byteLength = (data: Payload): number =>
  typeof data === 'string' ? Buffer.byteLength(data) : ArrayBuffer.isView(data) || data instanceof ArrayBuffer ? data.byteLength : 0;

/**
 * `ws`'s WebSocket with the server's rules built in, so every endpoint (including ones
 * written later) gets them without asking: the per-connection rate limit, the slow-consumer
 * bound, metrics, and frame tracing for the inspector (control frames included).
 * The `WebSocketServer` creates these through its `WebSocket` option.
 */
export class LiveSocket extends WebSocket {
  ctx: ConnectionContext | null = null;
  /** When the heartbeat's unanswered ping went out (ms since the epoch), or 0: the pong clears it. */
  pingSentAt = 0;
  /** Heartbeat intervals a ping may stay unanswered before this peer is dropped. */
  heartbeatGrace = 2;
  /** Round trip of the last answered heartbeat ping, in ms (null until one is answered). */
  rttMs: number | null = null;
  #bucket: RateLimit | null = null;
  #limited = false;
  #closeInTraced = false;
  #corked = false;
  /** When the last delayed message is due, so injected latency never reorders messages. */
  #delayedUntil = 0;

  /**
   * A token bucket, not a fixed window: a burst (a loop sending 1,000 messages at once) passes,
   * a flood kept above the sustained rate empties the bucket and is closed.
   */
  #admit(ctx: ConnectionContext): boolean {
    if (this.#limited) return false;
    this.#bucket ??= new RateLimit(ctx.rateBurst, 1000, Date.now(), ctx.rateLimit);
    if (this.#bucket.take()) return true;
    this.#limited = true;
    this.close(CloseCode.policyViolation, `rate limit: more than ${ctx.rateBurst} messages at once or ${ctx.rateLimit} per second`);
    return false;
  }

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    const ctx = this.ctx;
    if (ctx !== null) {
      if (event === 'message') {
        // Taken first: a swallowed message still used its place in the wire order.
        const wire = ctx.compression?.takeIn();
        // Over the limit: the message is swallowed, the endpoint never sees it.
        if (!this.#admit(ctx)) return false;
        const data = args[0] as Buffer;
        ctx.counters.messagesIn++;
        ctx.counters.bytesIn += data.length;
        ctx.trace?.frame('in', args[1] ? 'binary' : 'text', data, undefined, wire);
      } else if (event === 'pong') {
        if (this.pingSentAt > 0) this.rttMs = Date.now() - this.pingSentAt;
        this.pingSentAt = 0;
        ctx.trace?.frame('in', 'pong', args[0] as Buffer);
      } else if (event === 'ping') {
        ctx.trace?.frame('in', 'ping', args[0] as Buffer);
      } else if (event === 'close') {
        const code = args[0] as number;
        const reason = String(args[1] ?? '');
        // Our close went first and this is the client's answer (1006: no close frame came).
        if (!this.#closeInTraced && code !== ReportedCloseCode.abnormal) ctx.trace?.frame('in', 'close', closePayload(code, reason), { code, reason });
        ctx.trace?.closed(code, reason);
        ctx.counters.connections--;
        ctx.metrics.closed(code);
      }
    }
    if (event !== 'message') return super.emit(event, ...args);
    try {
      return super.emit(event, ...args);
    } catch (error) {
      // An endpoint bug must not take the process (and every other user) down: this client is
      // told the server failed, the rest keep working, and the operator sees the stack.
      console.error('unexpected error handling a message:', error);
      this.close(CloseCode.internalError, 'unexpected server error');
      return true;
    }
  }

  override send(data: Payload, optionsOrCallback?: SendOptions | SendCallback, callback?: SendCallback): void {
    const ctx = this.ctx;
    const delay = ctx?.trace?.latencyMs() ?? 0;
    // Messages still delayed from an earlier latency setting hold later ones back, keeping order.
    if (delay > 0 || (this.#delayedUntil !== 0 && this.#delayedUntil > Date.now())) {
      const due = Math.max(Date.now() + delay, this.#delayedUntil);
      this.#delayedUntil = due;
      setTimeout(() => this.#sendNow(data, optionsOrCallback, callback), due - Date.now());
      return;
    }
    this.#sendNow(data, optionsOrCallback, callback);
  }

  #sendNow(data: Payload, optionsOrCallback?: SendOptions | SendCallback, callback?: SendCallback): void {
    const ctx = this.ctx;
    const open = this.readyState === WebSocket.OPEN;
    const trace = open ? ctx?.trace : null;
    let report: ((wire?: WireMessage) => void) | null = null;
    if (trace) {
      const binary = typeof optionsOrCallback === 'object' && optionsOrCallback.binary !== undefined ? optionsOrCallback.binary : typeof data !== 'string';
      const payload = typeof data === 'string' ? data : Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
      report = (wire) => trace.frame('out', binary ? 'binary' : 'text', payload, undefined, wire);
      // Compressed, the frame is written later (zlib is asynchronous): report it once written.
      // Registered before sending, as an uncompressed frame is written during send().
      if (ctx?.compression?.onNextOut(report)) report = null;
    }
    if (typeof optionsOrCallback === 'function') super.send(data, optionsOrCallback);
    else super.send(data, optionsOrCallback ?? {}, callback);
    if (ctx === null || !open) return;
    const bytes = byteLength(data);
    ctx.counters.messagesOut++;
    ctx.counters.bytesOut += bytes;
    report?.();
    this.#checkBacklog(ctx);
  }

  /**
   * Writes a frame built once for many recipients (see broadcast.ts). Traced or delayed
   * connections take the ordinary path so the inspector and the latency fault still apply.
   */
  sendFrame(frame: Buffer, payload: Buffer, isBinary: boolean): void {
    const ctx = this.ctx;
    if (this.readyState !== WebSocket.OPEN) return;
    if (ctx === null || ctx.trace !== null) return this.send(payload, { binary: isBinary });
    ctx.socket.write(frame);
    ctx.counters.messagesOut++;
    ctx.counters.bytesOut += payload.length;
    this.#checkBacklog(ctx);
  }

  /** Holds this tick's frames in one write (see broadcast.ts); false if already corked or not writable. */
  corkWrites(): boolean {
    const ctx = this.ctx;
    if (ctx === null || this.#corked || this.readyState !== WebSocket.OPEN) return false;
    this.#corked = true;
    ctx.socket.cork();
    return true;
  }

  uncorkWrites(): void {
    if (!this.#corked) return;
    this.#corked = false;
    this.ctx?.socket.uncork();
  }

  /** A client that does not read fills our memory: past the bound it is cut off. */
  #checkBacklog(ctx: ConnectionContext): void {
    if (this.bufferedAmount > ctx.sendBuffer) this.drop('slow_consumer');
  }

  /** Ends the connection at once, without a close frame (it could only queue behind the backlog). */
  drop(reason: DropReason): void {
    if (this.readyState === WebSocket.CLOSED) return;
    this.ctx?.metrics.drop(reason);
    this.terminate();
  }

  override ping(data?: unknown, mask?: boolean, callback?: (error: Error) => void): void {
    if (this.readyState === WebSocket.OPEN) this.ctx?.trace?.frame('out', 'ping', toBuffer(data));
    super.ping(data, mask, callback);
  }

  override pong(data?: unknown, mask?: boolean, callback?: (error: Error) => void): void {
    if (this.readyState === WebSocket.OPEN) this.ctx?.trace?.frame('out', 'pong', toBuffer(data));
    super.pong(data, mask, callback);
  }

  override close(code?: number, reason?: string | Buffer): void {
    const tap = this.ctx?.trace;
    if (tap && this.readyState === WebSocket.OPEN) {
      // `ws` calls close() itself to answer a client's close frame: show that frame first.
      const received = this as unknown as { _closeFrameReceived: boolean };
      if (received._closeFrameReceived) {
        this.#closeInTraced = true;
        const inCode = code ?? ReportedCloseCode.noStatus;
        const inReason = String(reason ?? '');
        tap.frame('in', 'close', closePayload(inCode, inReason), { code: inCode, reason: inReason });
      }
      const outCode = code ?? ReportedCloseCode.noStatus;
      const outReason = String(reason ?? '');
      tap.frame('out', 'close', closePayload(outCode, outReason), { code: outCode, reason: outReason });
    }
    super.close(code, reason);
  }
}

const toBuffer = (data: unknown): Buffer =>
  data === undefined ? Buffer.alloc(0) : Buffer.isBuffer(data) ? data : Buffer.from(String(data));

/** The payload of a close frame: a 2-byte code and the UTF-8 reason (empty for 1005). */
function closePayload(code: number, reason: string): Buffer {
  if (code === ReportedCloseCode.noStatus) return Buffer.alloc(0);
  const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
  payload.writeUInt16BE(code, 0);
  payload.write(reason, 2);
  return payload;
}
