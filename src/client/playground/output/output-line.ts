import type { InspectEvent } from '../../../../protocol/inspect.ts';
import type { RunEvent } from '../runner/run-protocol.ts';
import { describeClose } from './close-words.ts';

/**
 * Whose line it is: the program's (what the learner's code printed, and how the run ended) or
 * the connection log's (what the sockets, fetches and the server's view did). They are bounded
 * apart, so 250 ticks never push a result line out, and the reader can hide the second.
 */
export type Channel = 'program' | 'connection';

export interface Line {
  text: string;
  /** Colour: log/warn/error for console lines, meta/up/down/error for the connection log. */
  kind: string;
  channel: Channel;
}

type Described = Omit<Line, 'channel'>;

/** Cause before effect: the output view shows this line before the closes it causes (see OutputView.expectFault). */
function describeFault(event: Extract<InspectEvent, { type: 'fault' }>): string {
  switch (event.fault) {
    case 'drop':
      return 'fault: the server dropped the connection (TCP closed, no close frame)';
    case 'outage':
      return `fault: the server dropped the connection and refuses new ones for ${event.seconds ?? '?'} s`;
    case 'blackhole':
      return 'fault: the link went silent (no bytes either way, no close): only a heartbeat can notice';
    case 'latency':
      return event.ms ? `fault: the server now holds each message to you for ${event.ms} ms` : 'fault: latency removed';
  }
}

/** The server's view adds what the browser cannot see; its frames go to the traffic view only. */
function describeServer(socket: number, event: InspectEvent, sentClose: number | undefined): Described | null {
  switch (event.type) {
    case 'handshake':
      return { text: `#${socket} server saw ${event.method} ${event.url} HTTP/${event.httpVersion} → 101, Sec-WebSocket-Accept: ${event.accept}`, kind: 'meta' };
    case 'closed':
      // ws reports 1006 on its side when the server's own close (1009, 1008…) got no answer: not a second cause.
      if (event.code === 1006 && sentClose !== undefined)
        return { text: `#${socket} server's side of connection ${event.connection} ended after the server sent close ${sentClose} (no close frame came back)`, kind: 'meta' };
      return { text: `#${socket} server's side of connection ${event.connection} ended: ${describeClose(event.code, event.reason)}`, kind: 'meta' };
    case 'fault':
      return { text: `#${socket} ${describeFault(event)}`, kind: 'meta' };
    case 'error':
      return { text: `#${socket} server view: ${event.code}: ${event.message}`, kind: 'error' };
    case 'frame':
      return null;
  }
}

function describeAny(event: RunEvent, sentClose: ReadonlyMap<number, number>): Described | null {
  switch (event.type) {
    case 'console':
      return { text: event.text, kind: event.level };
    case 'finished':
      return { text: '✓ code finished (open sockets keep running until Stop)', kind: 'meta' };
    case 'failed':
      return { text: `✗ ${event.message}`, kind: 'error' };
    case 'started':
      return null;
    case 'http':
      return {
        text: `${event.api === 'eventsource' ? 'EventSource' : event.method} ${new URL(event.url).pathname}${new URL(event.url).search} → ${event.status ?? event.error} (${Math.round(event.at - event.startedAt)} ms)`,
        kind: event.error ? 'error' : 'meta',
      };
    case 'inspect':
      return describeServer(event.socket, event.event, sentClose.get(event.socket));
    case 'lab':
      // Bytes go to the lab view beside the playground; the output keeps the lab's story short.
      if (event.event === 'ready') return { text: `lab open: browsers reach your server at ${event.path}`, kind: 'meta' };
      if (event.event === 'open') return { text: `lab: connection ${event.connection} arrived`, kind: 'meta' };
      if (event.event === 'closed') return { text: `lab: connection ${event.connection} closed (${event.message})`, kind: 'meta' };
      if (event.event === 'notice') return { text: `lab: ${event.message}`, kind: 'error' };
      return null;
    case 'socket':
      switch (event.event) {
        case 'connecting':
          return { text: `#${event.socket} connecting to ${event.url}${event.attempt && event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}`, kind: 'meta' };
        case 'open':
          return { text: `#${event.socket} open`, kind: 'meta' };
        case 'send':
          return { text: `#${event.socket} → ${event.preview}${event.dropped ? '  (lost: queue full)' : event.queued ? '  (queued while not open)' : ''}`, kind: 'up' };
        case 'message':
          return { text: `#${event.socket} ← ${event.preview}`, kind: 'down' };
        case 'close':
          return {
            text: `#${event.socket} closed ${describeClose(event.code, event.reason)}${event.retryInMs === undefined ? '' : `, retrying in ${(event.retryInMs / 1000).toFixed(1)} s`}`,
            kind: 'meta',
          };
      }
  }
}


const programEvents = new Set<RunEvent['type']>(['console', 'finished', 'failed']);

/** One run event as an output line, or null when it has nothing to say in text (frames go to the traffic view). */
export function describeEvent(event: RunEvent, sentClose: ReadonlyMap<number, number>): Line | null {
  const line = describeAny(event, sentClose);
  return line && { ...line, channel: programEvents.has(event.type) ? 'program' : 'connection' };
}
