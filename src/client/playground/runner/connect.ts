import { ReportedCloseCode } from '../../../../protocol/close-codes.ts';
import ReconnectingWebSocket from 'partysocket/ws';
import { traceId, type SocketEvent } from './run-protocol.ts';
import { describePayload } from './payload.ts';
import { closedBy } from './instrument-websocket.ts';
import { HandlerError } from './failure.ts';
import { socketDefaults, type SocketOptions } from '../../socket/backoff.ts';
import { DuplexSocket, type DuplexSocketOptions } from '../../socket/duplex-socket.ts';
import { socketUrl } from '../../socket/socket-url.ts';

/** What the server's view of a socket needs before the socket opens (the page watches it, see run-worker.ts). */
export interface Tracing {
  /** Prefix of trace ids: socket n is traced as `<run>-<n>`. */
  run: string;
  /** Starts watching a trace; the socket opens once this settles, so no frame is missed. */
  watch(trace: string, socket: number): Promise<void>;
}

type Report = (event: SocketEvent) => void;

/** Numbers the sockets of one run, from 1, whichever API opened them (connect() or WebSocket). */
export function socketCounter(): () => number {
  let next = 1;
  return () => next++;
}

/** What learner code may pass to `connect(path, options)`: the backoff and an application heartbeat. */
export type ConnectOptions = Partial<SocketOptions> & Pick<DuplexSocketOptions, 'heartbeat'>;

const now = () => performance.timeOrigin + performance.now();

const readyStateOf = Object.getOwnPropertyDescriptor(ReconnectingWebSocket.prototype, 'readyState')?.get;

/**
 * `connect(path)` for learner code: the course's DuplexSocket to the playground server,
 * instrumented so the page sees every attempt, open, send, message and close, with the
 * reconnect delay and whether a send waited in the queue.
 */
export function createConnect(serverOrigin: string, report: Report, tracing?: Tracing, nextId: () => number = socketCounter()) {
  return function connect(path: string | (() => string), overrides: ConnectOptions = {}): DuplexSocket {
    const id = nextId();
    const options: SocketOptions = { ...socketDefaults, ...overrides };
    const trace = tracing ? traceId(tracing.run, id) : null;
    const urlOf = (target: unknown) => {
      if (typeof target !== 'string') throw new TypeError(`connect(): the path function must return a path such as '/ws/echo', not ${typeof target}`);
      const url = new URL(socketUrl(target, serverOrigin));
      if (trace) url.searchParams.set('trace', trace);
      return url.href;
    };
    // A path function is asked again before every attempt (partysocket's URL provider), so a
    // reconnect can say where it left off: connect(() => `/ws/chat/r?since=${lastSeq}`).
    let current = typeof path === 'string' ? urlOf(path) : '';
    const url = typeof path === 'string' ? current : () => (current = urlOf(path()));

    let queued = 0;
    let closedByLearner = false;
    /** True while the learner's close()/reconnect() runs: the close it dispatches (synchronously) is theirs. */
    let learnerClosing = false;
    // Every event reaches the page before the learner's handler runs: "open" shows before the
    // send the learner's onopen makes.
    const observe = (event: Event) => {
      const base = { type: 'socket', socket: id, at: now() } as const;
      if (event.type === 'connecting') report({ ...base, event: 'connecting', url: current, attempt: socket.attempt });
      else if (event.type === 'open') {
        queued = 0; // partysocket flushed its queue just before open
        report({ ...base, event: 'open' });
      } else if (event.type === 'message') report({ ...base, event: 'message', ...describePayload((event as MessageEvent).data) });
      else if (event.type === 'close') {
        const close = socket.lastClose ?? { code: ReportedCloseCode.abnormal, reason: '', wasClean: false, retryInMs: null };
        report({
          ...base,
          event: 'close',
          code: close.code,
          reason: close.reason,
          wasClean: close.wasClean,
          by: closedBy(learnerClosing, close.wasClean),
          ...(close.retryInMs === null ? {} : { retryInMs: close.retryInMs }),
        });
      }
    };
    const socket: DuplexSocket = new DuplexSocket(url, { ...overrides, startClosed: trace !== null, observe });

    const byLearner = (act: () => void) => {
      learnerClosing = true;
      try {
        act();
      } finally {
        learnerClosing = false;
      }
    };
    nameHandlerErrors(socket, id);

    const send = socket.send.bind(socket);
    socket.send = (data) => {
      const waiting = socket.readyState !== socket.OPEN;
      const dropped = waiting && queued >= (options.maxEnqueuedMessages ?? Number.POSITIVE_INFINITY);
      if (waiting && !dropped) queued++;
      report({
        type: 'socket',
        socket: id,
        at: now(),
        event: 'send',
        api: 'connect',
        readyState: socket.readyState,
        bufferedAmount: socket.bufferedAmount,
        ...(waiting ? { queued: true } : {}),
        ...(dropped ? { dropped: true } : {}),
        ...describePayload(data),
      });
      return send(data);
    };
    const close = socket.close.bind(socket);
    socket.close = (code?: number, reason?: string) => {
      closedByLearner = true;
      byLearner(() => close(code, reason));
    };
    const reconnect = socket.reconnect.bind(socket);
    socket.reconnect = (code?: number, reason?: string) => {
      closedByLearner = false;
      byLearner(() => reconnect(code, reason));
    };

    if (tracing && trace) {
      // While the server view gets ready the socket is "connecting" to the learner, as a
      // WebSocket that was just created is, not partysocket's "closed" of startClosed.
      let watching = true;
      Object.defineProperty(socket, 'readyState', {
        get: () => (watching && !closedByLearner ? socket.CONNECTING : (readyStateOf?.call(socket) ?? socket.CLOSED)),
      });
      // A socket the learner closed before the server view was ready stays closed.
      const start = () => {
        watching = false;
        if (!closedByLearner) reconnect();
      };
      tracing.watch(trace, id).then(start, start);
    }
    return socket;
  };
}

/**
 * The learner's `on…` handlers are wrapped so a throw (or an async handler's rejection) is
 * reported as coming from that handler of that socket, once (run-worker.ts reports it).
 * DuplexSocket's own property stays underneath: partysocket still calls its wrapper.
 */
function nameHandlerErrors(socket: DuplexSocket, id: number): void {
  for (const type of ['open', 'message', 'close'] as const) {
    const inner = Object.getOwnPropertyDescriptor(socket, `on${type}`);
    if (!inner?.set || !inner.get) continue;
    const from = `socket #${id}'s on${type} handler`;
    Object.defineProperty(socket, `on${type}`, {
      configurable: true,
      get: () => inner.get?.call(socket),
      set: (next: unknown) => {
        if (typeof next !== 'function') return inner.set?.call(socket, next);
        inner.set?.call(socket, function (this: unknown, event: Event) {
          let result: unknown;
          try {
            result = next.call(this, event);
          } catch (error) {
            throw new HandlerError(from, error);
          }
          if (result instanceof Promise)
            void result.catch((error: unknown) => {
              throw new HandlerError(from, error);
            });
          return result;
        });
      },
    });
  }
}
