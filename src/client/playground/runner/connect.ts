import { CloseCode, ReportedCloseCode } from '../../../../protocol/close-codes.ts';
import ReconnectingWebSocket, { CloseEvent as SyntheticClose } from 'partysocket/ws';
import { traceId, type SocketEvent } from './run-protocol.ts';
import { describePayload } from './payload.ts';
import { retryDelay, socketDefaults, type SocketOptions } from '../../socket/backoff.ts';

/** Close codes after which reconnecting would only repeat the same refusal. */
const finalCloseCodes = new Set<number>([CloseCode.normal, CloseCode.policyViolation, CloseCode.messageTooBig]);

/** What the server's view of a socket needs before the socket opens (the page watches it, see run-worker.ts). */
export interface Tracing {
  /** Prefix of trace ids: socket n is traced as `<run>-<n>`. */
  run: string;
  /** Starts watching a trace; the socket opens once this settles, so no frame is missed. */
  watch(trace: string, socket: number): Promise<void>;
}

type Report = (event: SocketEvent) => void;

const now = () => performance.timeOrigin + performance.now();

const readyStateOf = Object.getOwnPropertyDescriptor(ReconnectingWebSocket.prototype, 'readyState')?.get;

/**
 * `connect(path)` for learner code: a partysocket ReconnectingWebSocket to the playground
 * server, instrumented so the page sees every attempt, open, send, message and close, with
 * the reconnect delay and whether a send waited in the queue.
 */
export function createConnect(serverOrigin: string, report: Report, tracing?: Tracing) {
  let nextId = 1;
  return function connect(path: string, overrides: Partial<SocketOptions> = {}): ReconnectingWebSocket {
    const id = nextId++;
    const options: SocketOptions = { ...socketDefaults, ...overrides };
    const url = new URL(path, serverOrigin);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const trace = tracing ? traceId(tracing.run, id) : null;
    if (trace) url.searchParams.set('trace', trace);

    let attempt = 0;
    let queued = 0;
    /** A close our code asked for (close/reconnect): its code is the real one. */
    let requested: { code: number; reason: string } | null = null;
    /** The close as the learner should see it, decided before partysocket dispatches it. */
    let pendingClose: { code: number; reason: string; wasClean: boolean } | null = null;
    let closedByLearner = false;
    let wasOpen = false;

    const socket = new ReconnectingWebSocket(
      () => {
        attempt++;
        report({ type: 'socket', socket: id, at: now(), event: 'connecting', url: url.href, attempt });
        return url.href;
      },
      [],
      {
        ...options,
        startClosed: trace !== null,
        // Typed wide on purpose: at run time this is the browser's CloseEvent or partysocket's own.
        shouldReconnectOnClose: (event: SyntheticClose | globalThis.CloseEvent) => {
          // partysocket turns a failed attempt (refused upgrade, timeout) into its own close
          // event with code 1000 (normal); that is no final close, and the learner should see 1006.
          if (event instanceof SyntheticClose) {
            pendingClose = requested
              ? { ...requested, wasClean: true }
              : { code: ReportedCloseCode.abnormal, reason: event.reason === 'timeout' ? 'connection timed out' : wasOpen ? 'connection lost' : 'connection failed', wasClean: false };
            return true;
          }
          pendingClose = { code: event.code, reason: event.reason, wasClean: event.wasClean };
          return !finalCloseCodes.has(event.code);
        },
      },
    );
    socket.binaryType = 'arraybuffer';

    const reporters = {
      open: () => {
        queued = 0; // partysocket flushed its queue just before open
        wasOpen = true;
        report({ type: 'socket', socket: id, at: now(), event: 'open' });
      },
      message: (event: MessageEvent) => report({ type: 'socket', socket: id, at: now(), event: 'message', ...describePayload(event.data) }),
      close: () => {
        const close = pendingClose ?? { code: ReportedCloseCode.abnormal, reason: '', wasClean: false };
        pendingClose = null;
        requested = null;
        wasOpen = false;
        report({
          type: 'socket',
          socket: id,
          at: now(),
          event: 'close',
          ...close,
          ...(socket.shouldReconnect ? { retryInMs: retryDelay(socket.retryCount, options) } : {}),
        });
      },
    };
    // partysocket calls the learner's onopen/onmessage/onclose before its listeners, so those are
    // wrapped to report first: the page shows "open" before the send the learner's onopen makes.
    const reportedByHandler = { open: false, message: false, close: false };
    for (const type of ['open', 'message', 'close'] as const) {
      let handler: ((event: never) => unknown) | null = null;
      Object.defineProperty(socket, `on${type}`, {
        get: () =>
          handler &&
          ((event: MessageEvent) => {
            reporters[type](event);
            reportedByHandler[type] = true;
            try {
              handler?.call(socket, event as never);
            } catch (error) {
              reportedByHandler[type] = false; // partysocket will not dispatch to listeners after a throw
              throw error;
            }
          }),
        set: (next: unknown) => {
          handler = typeof next === 'function' ? (next as (event: never) => unknown) : null;
        },
      });
      socket.addEventListener(type, (event) => {
        if (reportedByHandler[type]) reportedByHandler[type] = false;
        else reporters[type](event as MessageEvent);
      });
    }

    const send = socket.send.bind(socket);
    socket.send = (data) => {
      const waiting = socket.readyState !== socket.OPEN;
      const dropped = waiting && queued >= (options.maxEnqueuedMessages ?? Number.POSITIVE_INFINITY);
      if (waiting && !dropped) queued++;
      report({ type: 'socket', socket: id, at: now(), event: 'send', ...(waiting ? { queued: true } : {}), ...(dropped ? { dropped: true } : {}), ...describePayload(data) });
      return send(data);
    };
    const close = socket.close.bind(socket);
    socket.close = (code: number = CloseCode.normal, reason = '') => {
      requested = { code, reason };
      closedByLearner = true;
      close(code, reason);
    };
    const reconnect = socket.reconnect.bind(socket);
    socket.reconnect = (code: number = CloseCode.normal, reason = 'reconnect requested') => {
      requested = { code, reason };
      closedByLearner = false;
      reconnect(code, reason);
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
