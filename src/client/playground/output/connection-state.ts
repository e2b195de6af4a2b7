import type { SocketEvent } from '../runner/run-protocol.ts';

/**
 * What one socket of a run is doing, folded from its events: the state machine the learner
 * watches (connecting → open → reconnecting in N s → connecting … or closed for good).
 */
export interface ConnectionState {
  socket: number;
  status: 'connecting' | 'open' | 'reconnecting' | 'closed';
  /** Attempts so far (1 = the first connect). */
  attempt: number;
  /** When the next attempt starts (page clock), while reconnecting. */
  retryAt?: number;
  /** Sends waiting in the queue for the next open. */
  queued: number;
  /** Sends lost because the queue was full. */
  dropped: number;
  lastClose?: { code: number; reason: string };
}

export function initialConnection(socket: number): ConnectionState {
  return { socket, status: 'connecting', attempt: 0, queued: 0, dropped: 0 };
}

/** The next state after one event of that socket (pure: the same input always gives the same state). */
export function nextConnection(state: ConnectionState, event: SocketEvent): ConnectionState {
  switch (event.event) {
    case 'connecting': {
      const { retryAt: _done, ...rest } = state;
      return { ...rest, status: 'connecting', attempt: event.attempt ?? state.attempt + 1 };
    }
    case 'open': {
      // partysocket flushes its queue right before open, so nothing waits any more.
      const { retryAt: _done, ...rest } = state;
      return { ...rest, status: 'open', queued: 0 };
    }
    case 'send':
      if (event.dropped) return { ...state, dropped: state.dropped + 1 };
      return event.queued ? { ...state, queued: state.queued + 1 } : state;
    case 'message':
      return state;
    case 'close': {
      const lastClose = { code: event.code, reason: event.reason };
      if (event.retryInMs === undefined) {
        const { retryAt: _never, ...rest } = state;
        return { ...rest, status: 'closed', lastClose };
      }
      return { ...state, status: 'reconnecting', retryAt: event.at + event.retryInMs, lastClose };
    }
  }
}

/** One line for the status area, e.g. "reconnecting in 2 s · 3 queued" or "closed 1008 (too many messages)". */
export function describeConnection(state: ConnectionState, now: number): string {
  const extras: string[] = [];
  if (state.queued > 0) extras.push(`${state.queued} queued`);
  if (state.dropped > 0) extras.push(`${state.dropped} lost (queue full)`);
  const close = state.lastClose ? `${state.lastClose.code}${state.lastClose.reason ? ` (${state.lastClose.reason})` : ''}` : '';
  let main: string;
  switch (state.status) {
    case 'connecting':
      main = state.attempt > 1 ? `connecting (attempt ${state.attempt})…` : 'connecting…';
      break;
    case 'open':
      main = 'open';
      break;
    case 'reconnecting': {
      // Whole seconds: the status is a live region, and a tenth-second countdown would chatter.
      const seconds = Math.max(0, Math.ceil(((state.retryAt ?? now) - now) / 1000));
      main = `reconnecting in ${seconds} s after ${close}`;
      break;
    }
    case 'closed':
      main = `closed ${close}`;
      break;
  }
  return [main, ...extras].join(' · ');
}

/** The status line for every socket of a run: plain for one socket, numbered for several. */
export function describeConnections(states: readonly ConnectionState[], now: number): string {
  if (states.length === 1 && states[0]) return describeConnection(states[0], now);
  return states.map((state) => `#${state.socket} ${describeConnection(state, now)}`).join(' | ');
}
