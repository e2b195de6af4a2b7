import type { InspectEvent } from '../../playground-server/protocol/inspect.ts';
import type { RunEvent } from './run-protocol.ts';

/** Lines kept in the output panel; older ones are dropped so a chatty run cannot grow the page forever. */
const maxLines = 500;

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
 * untrusted). Lines are buffered and written once per animation frame, so hundreds of
 * messages a second cost one layout, not hundreds.
 */
export class OutputView {
  #list: HTMLOListElement;
  #pending: Line[] = [];

  constructor(list: HTMLOListElement) {
    this.#list = list;
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
      const item = document.createElement('li');
      item.className = `pg-line pg-${kind}`;
      item.textContent = text;
      fragment.append(item);
    }
    this.#pending = [];
    this.#list.append(fragment);
    let excess = this.#list.childElementCount - maxLines;
    while (excess-- > 0) this.#list.firstElementChild?.remove();
    this.#list.scrollTop = this.#list.scrollHeight;
  }

  clear(): void {
    this.#pending = [];
    this.#list.replaceChildren();
  }
}
