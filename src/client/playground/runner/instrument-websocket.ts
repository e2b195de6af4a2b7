import type { SocketEvent } from './run-protocol.ts';
import { describePayload } from './payload.ts';

type Report = (event: SocketEvent) => void;

const now = () => performance.timeOrigin + performance.now();

/** Who ended a connection, from what the learner asked for and what the close event says. */
export function closedBy(learnerClosed: boolean, wasClean: boolean): 'client' | 'server' | 'network' {
  if (learnerClosed) return 'client';
  return wasClean ? 'server' : 'network';
}

/**
 * The platform's own `WebSocket` for learner code, beside `connect()`: the real API (no reconnect,
 * no queue: `send()` while CONNECTING throws, as in any page), with paths resolved against the
 * playground server and every open, send (with `readyState` and `bufferedAmount` at that moment),
 * message and close reported like `connect()`'s. It is not traced: the constructor connects at
 * once, so there is no moment to wait for the server view to get ready.
 */
export function createWebSocket(serverOrigin: string, report: Report, nextId: () => number, Platform: typeof WebSocket = WebSocket) {
  return class InstrumentedWebSocket extends Platform {
    #id = nextId();
    #learnerClosed = false;

    constructor(url: string | URL, protocols?: string | string[]) {
      const target = new URL(url, serverOrigin);
      if (target.protocol === 'http:' || target.protocol === 'https:') target.protocol = target.protocol === 'https:' ? 'wss:' : 'ws:';
      super(target.href, protocols);
      this.binaryType = 'arraybuffer';
      const socket = this.#id;
      report({ type: 'socket', socket, at: now(), event: 'connecting', url: target.href, attempt: 1 });
      // Listeners added here run before any the learner adds, so "open" is reported before the
      // sends the learner's onopen makes.
      this.addEventListener('open', () => report({ type: 'socket', socket, at: now(), event: 'open' }));
      this.addEventListener('message', (event) => report({ type: 'socket', socket, at: now(), event: 'message', ...describePayload(event.data) }));
      this.addEventListener('close', (event) =>
        report({ type: 'socket', socket, at: now(), event: 'close', code: event.code, reason: event.reason, wasClean: event.wasClean, by: closedBy(this.#learnerClosed, event.wasClean) }),
      );
    }

    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      report({
        type: 'socket',
        socket: this.#id,
        at: now(),
        event: 'send',
        api: 'websocket',
        readyState: this.readyState,
        bufferedAmount: this.bufferedAmount,
        ...describePayload(data),
      });
      super.send(data as ArrayBufferLike);
    }

    override close(code?: number, reason?: string): void {
      super.close(code, reason); // throws InvalidAccessError for 1001 etc., as a page's does
      this.#learnerClosed = true;
    }
  };
}
