import ReconnectingWebSocket, { CloseEvent as AttemptClosed, type Options } from 'partysocket/ws';
import { ClientCloseCode, CloseCode, ReportedCloseCode } from '../../../protocol/close-codes.ts';
import { retryDelay, socketDefaults, type SocketOptions } from './backoff.ts';

/**
 * The one browser socket of the course: the playground's `connect()`, the workshop link, the
 * race and the demos all open one of these. It is partysocket's ReconnectingWebSocket (the
 * platform's WebSocket API, backoff, a send queue flushed before `open`) with the rules every
 * caller needs and would otherwise get wrong on its own:
 *
 * - a failed attempt or a lost link is reported as what it is, close 1006, never as a final
 *   close: partysocket reports a refused or timed-out attempt (and a link that dies with an
 *   error) as its own close event with code 1000, and treating that 1000 as "done" ended
 *   reconnection after a single refused attempt;
 * - a close the page asked for keeps its own code and reason;
 * - final codes (the server's "no, and asking again will not help") stop reconnection;
 * - an optional application heartbeat finds a half-open link, which browsers cannot do with
 *   ping frames: no answer in time and the socket reconnects;
 * - the browser's `online` event retries at once instead of waiting out the backoff;
 * - every close says when the next attempt is due (`lastClose.retryInMs`), for a countdown.
 */

/** Closes after which reconnecting would only repeat the same refusal. */
export const defaultFinalCodes: readonly number[] = [CloseCode.normal, CloseCode.policyViolation, CloseCode.messageTooBig];

export interface Heartbeat {
  /** How often to ask when nothing else was heard. */
  intervalMs: number;
  /** How long an asked question may go unanswered before the link counts as dead. */
  timeoutMs: number;
  /** What to send; any message from the server counts as an answer. */
  message: string;
}

export interface DuplexSocketOptions extends Partial<SocketOptions> {
  /** Close codes the server sends once and for all (default: 1000, 1008, 1009). */
  finalCodes?: Iterable<number>;
  /**
   * Sees every event first (`connecting`, `open`, `message`, the corrected `close`), before the
   * page's `on…` handler and listeners: the playground reports "open" before the learner's
   * `onopen` sends.
   */
  observe?: (event: Event) => void;
  heartbeat?: Heartbeat;
  /** Do not connect until `reconnect()` is called. */
  startClosed?: boolean;
  /** Read by tests in Node; pages use the global WebSocket. */
  WebSocket?: Options['WebSocket'];
}

export interface CloseInfo {
  code: number;
  reason: string;
  wasClean: boolean;
  /** True when the socket will not reconnect by itself. */
  final: boolean;
  /** Milliseconds until the next attempt, when there will be one. */
  retryInMs: number | null;
}

type Close = Omit<CloseInfo, 'final' | 'retryInMs'>;

export class DuplexSocket extends ReconnectingWebSocket {
  /** Attempts made so far, from 1; a `connecting` event is dispatched before each. */
  attempt = 0;
  #lastClose: CloseInfo | null = null;
  /** The close the page asked for (close, reconnect, heartbeat): its code is the real one. */
  #requested: Close | null = null;
  /** The close as it will be reported, decided before partysocket dispatches it. */
  #pending: Close | null = null;
  #wasOpen = false;
  #heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  #answerTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #backoff: SocketOptions;
  readonly #heartbeat: Heartbeat | undefined;
  readonly #observe: ((event: Event) => void) | undefined;
  /** The observer saw this event type in the handler already; the dispatch that follows skips it. */
  readonly #observedInHandler = new Set<string>();

  constructor(url: string | (() => string), options: DuplexSocketOptions = {}) {
    const { finalCodes = defaultFinalCodes, heartbeat, observe, ...rest } = options;
    const final = new Set(finalCodes);
    const backoff: SocketOptions = { ...socketDefaults, ...rest };
    // The options are read only after the constructor returns (partysocket connects after a
    // promise), so these closures can reach the instance through `self`.
    let self: DuplexSocket | null = null;
    super(
      () => {
        const next = typeof url === 'function' ? url() : url;
        if (self) self.#connecting();
        return next;
      },
      [],
      {
        ...backoff,
        ...(rest.startClosed === undefined ? {} : { startClosed: rest.startClosed }),
        ...(rest.WebSocket ? { WebSocket: rest.WebSocket } : {}),
        // Typed wide on purpose: at run time this is the platform's CloseEvent or partysocket's own.
        shouldReconnectOnClose: (event: AttemptClosed | globalThis.CloseEvent) => (self ? self.#decide(event, final) : true),
      },
    );
    self = this;
    this.#backoff = backoff;
    this.#heartbeat = heartbeat;
    this.#observe = observe;
    this.binaryType = 'arraybuffer';
    // partysocket calls `on…` handlers before listeners, with the events it made: the page's
    // handlers get the corrected close, after the observer has seen the event.
    for (const type of ['open', 'message', 'close'] as const) {
      let handler: ((event: Event) => unknown) | null = null;
      Object.defineProperty(this, `on${type}`, {
        configurable: true,
        get: () => handler && ((event: Event) => this.#toHandler(type, event, handler)),
        set: (next: unknown) => (handler = typeof next === 'function' ? (next as (event: Event) => unknown) : null),
      });
    }
    this.addEventListener('open', () => {
      this.#wasOpen = true;
      this.#startHeartbeat();
    });
    this.addEventListener('message', () => this.#heard());
    if (typeof window !== 'undefined') {
      // Back on the network: try now, or check a link that looks open, instead of waiting.
      window.addEventListener('online', () => {
        if (this.shouldReconnect || this.readyState === this.OPEN) this.#probeOrReconnect();
      });
    }
  }

  /** The last close as the page should see it (never partysocket's stand-in 1000). */
  get lastClose(): CloseInfo | null {
    return this.#lastClose;
  }

  override close(code: number = CloseCode.normal, reason = ''): void {
    this.#asked({ code, reason, wasClean: true }, () => super.close(code, reason));
  }

  override reconnect(code: number = CloseCode.normal, reason = 'reconnect requested'): void {
    this.#asked({ code, reason, wasClean: true }, () => super.reconnect(code, reason));
  }

  /**
   * A close the page asks for is reported with `close`; partysocket dispatches it synchronously
   * or not at all (nothing was connected), so it never lingers into a later close.
   */
  #asked(close: Close, act: () => void): void {
    this.#requested = close;
    try {
      act();
    } finally {
      this.#requested = null;
    }
  }

  /** Replaces partysocket's close event with the corrected one for every listener. */
  override dispatchEvent(event: Event): boolean {
    const shown = event.type === 'close' ? this.#corrected(event as globalThis.CloseEvent) : event;
    if (!this.#observedInHandler.delete(event.type)) this.#observe?.(shown);
    return super.dispatchEvent(shown);
  }

  #toHandler(type: string, event: Event, handler: ((event: Event) => unknown) | null): unknown {
    const shown = type === 'close' ? this.#corrected(event as globalThis.CloseEvent) : event;
    this.#observe?.(shown);
    this.#observedInHandler.add(type);
    try {
      return handler?.call(this, shown);
    } catch (error) {
      this.#observedInHandler.delete(type); // partysocket dispatches nothing after a handler throws
      throw error;
    }
  }

  #connecting(): void {
    this.attempt++;
    this.dispatchEvent(new Event('connecting'));
  }

  #decide(event: AttemptClosed | globalThis.CloseEvent, final: ReadonlySet<number>): boolean {
    this.#stopHeartbeat();
    const lostLink = { code: ReportedCloseCode.abnormal, wasClean: false };
    let close: Close;
    if (this.#requested) close = this.#requested;
    else if (event instanceof AttemptClosed) {
      // partysocket's own event: an attempt that failed or timed out, or a link lost with an error.
      close = { ...lostLink, reason: event.reason === 'timeout' ? 'connection timed out' : this.#wasOpen ? 'connection lost' : 'connection failed' };
    } else close = { code: event.code, reason: event.reason, wasClean: event.wasClean };
    this.#requested = null;
    this.#wasOpen = false;
    this.#pending = close;
    // A close the page asked for is final unless it asked to reconnect (reconnect() keeps going).
    return !(event instanceof AttemptClosed) ? !final.has(close.code) : true;
  }

  /** The event every listener sees, with the code, reason and retry time decided in #decide. */
  #corrected(event: globalThis.CloseEvent): globalThis.CloseEvent {
    const close = this.#pending ?? { code: event.code, reason: event.reason, wasClean: event.wasClean };
    const retryInMs = this.shouldReconnect ? retryDelay(this.retryCount, this.#backoff) : null;
    this.#lastClose = { ...close, final: retryInMs === null, retryInMs };
    return new CloseEvent('close', close);
  }

  #startHeartbeat(): void {
    const heartbeat = this.#heartbeat;
    if (!heartbeat) return;
    this.#stopHeartbeat();
    this.#heartbeatTimer = setInterval(() => this.#ask(heartbeat), heartbeat.intervalMs);
  }

  #stopHeartbeat(): void {
    clearInterval(this.#heartbeatTimer);
    this.#heard();
  }

  #heard(): void {
    clearTimeout(this.#answerTimer);
    this.#answerTimer = undefined;
  }

  /** One question; silence past the timeout since the first unanswered one means nobody is there. */
  #ask(heartbeat: Heartbeat): void {
    if (this.readyState !== this.OPEN) return;
    super.send(heartbeat.message);
    if (this.#answerTimer !== undefined) return;
    this.#answerTimer = setTimeout(() => {
      const reason = `no answer from the server for ${heartbeat.timeoutMs / 1000} s`;
      // The close frame cannot get through a dead link; its code only tells a server that recovers.
      this.#asked({ code: ReportedCloseCode.abnormal, reason, wasClean: false }, () => super.reconnect(ClientCloseCode.noAnswer, 'no answer to the heartbeat'));
    }, heartbeat.timeoutMs);
  }

  #probeOrReconnect(): void {
    if (this.readyState === this.OPEN && this.#heartbeat) this.#ask(this.#heartbeat);
    else if (this.readyState !== this.OPEN) this.reconnect(CloseCode.normal, 'back online');
  }
}
