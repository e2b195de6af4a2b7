import type { InspectEvent } from '../../../../protocol/inspect.ts';
import type { RunEvent } from '../runner/run-protocol.ts';
import { describeClose } from './close-words.ts';

/** Lines kept in the output panel; older ones are dropped so a chatty run cannot grow the page forever. */
const maxLines = 300;

type Line = { text: string; kind: string };

/** Cause before effect: this line comes before the close it causes (the server confirms first). */
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
function describeServer(socket: number, event: InspectEvent, sentClose: number | undefined): Line | null {
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

function describe(event: RunEvent, sentClose: ReadonlyMap<number, number>): Line | null {
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

/**
 * The output panel: console lines and socket events as text (never HTML: learner data is
 * untrusted). Lines are buffered and written a few times a second, so hundreds of messages
 * a second cost a few layouts, not hundreds.
 */
export class OutputView {
  #list: HTMLElement;
  #pending: Line[] = [];
  /** Whether the reader is at the bottom (new output follows) — kept from scroll events, so flushing never reads layout. */
  #following = true;

  constructor(list: HTMLElement) {
    this.#list = list;
    list.addEventListener('scroll', () => (this.#following = list.scrollHeight - list.scrollTop - list.clientHeight < 24), { passive: true });
  }

  /** The close code the server last sent on each socket (from its view), to explain the 1006 that follows. */
  #sentClose = new Map<number, number>();

  push(event: RunEvent): void {
    if (event.type === 'inspect' && event.event.type === 'frame' && event.event.opcode === 'close' && event.event.direction === 'out' && event.event.code !== undefined)
      this.#sentClose.set(event.socket, event.event.code);
    const line = describe(event, this.#sentClose);
    if (!line) return;
    this.#pending.push(line);
    if (this.#pending.length > maxLines) this.#pending.splice(0, this.#pending.length - maxLines);
  }

  flush(): void {
    if (this.#pending.length === 0) return;
    const fragment = document.createDocumentFragment();
    for (const { text, kind } of this.#pending) {
      const item = document.createElement('div');
      item.className = `pg-line pg-${kind}`;
      item.textContent = text;
      fragment.append(item);
    }
    this.#pending = [];
    const list = this.#list;
    list.append(fragment);
    const excess = list.childElementCount - maxLines;
    if (excess > 0) {
      // One range removal instead of one removal per line.
      const range = document.createRange();
      range.setStartBefore(list.firstChild as Node);
      range.setEndAfter(list.children[excess - 1] as Node);
      range.deleteContents();
    }
    // Follow new output only if the reader has not scrolled up to read something older.
    if (this.#following) list.scrollTop = list.scrollHeight;
  }

  clear(): void {
    this.#pending = [];
    this.#sentClose.clear();
    this.#list.replaceChildren();
  }
}
