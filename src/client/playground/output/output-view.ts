import type { InspectEvent } from '../../../../protocol/inspect.ts';
import type { RunEvent } from '../runner/run-protocol.ts';

/** Lines kept in the output panel; older ones are dropped so a chatty run cannot grow the page forever. */
const maxLines = 300;

type Line = { text: string; kind: string };

/** The server's view adds what the browser cannot see; its frames go to the traffic view only. */
function describeServer(socket: number, event: InspectEvent): Line | null {
  switch (event.type) {
    case 'handshake':
      return { text: `#${socket} server saw ${event.method} ${event.url} HTTP/${event.httpVersion} → 101, Sec-WebSocket-Accept: ${event.accept}`, kind: 'meta' };
    case 'closed':
      return { text: `#${socket} server closed connection ${event.connection}: ${event.code}${event.reason ? ` "${event.reason}"` : ''}`, kind: 'meta' };
    case 'fault':
      return { text: `#${socket} server applied fault: ${event.fault}`, kind: 'meta' };
    case 'error':
      return { text: `#${socket} server view: ${event.code}: ${event.message}`, kind: 'error' };
    case 'frame':
      return null;
  }
}

function describe(event: RunEvent): Line | null {
  switch (event.type) {
    case 'console':
      return { text: event.text, kind: event.level };
    case 'finished':
      return { text: '✓ code finished (open sockets keep running until Stop)', kind: 'meta' };
    case 'failed':
      return { text: `✗ ${event.message}`, kind: 'error' };
    case 'inspect':
      return describeServer(event.socket, event.event);
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
            text: `#${event.socket} closed ${event.code}${event.reason ? ` "${event.reason}"` : ''}${event.wasClean ? '' : ' (not clean)'}${event.retryInMs === undefined ? '' : `, retrying in ${(event.retryInMs / 1000).toFixed(1)} s`}`,
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

  push(event: RunEvent): void {
    const line = describe(event);
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
    this.#list.replaceChildren();
  }
}
