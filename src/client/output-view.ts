import type { RunEvent } from './run-protocol.ts';

/** Lines kept in the output panel; older ones are dropped so a chatty run cannot grow the page forever. */
const maxLines = 500;

function describe(event: RunEvent): { text: string; kind: string } {
  switch (event.type) {
    case 'console':
      return { text: event.text, kind: event.level };
    case 'finished':
      return { text: '✓ code finished (open sockets keep running until Stop)', kind: 'meta' };
    case 'failed':
      return { text: `✗ ${event.message}`, kind: 'error' };
    case 'socket':
      switch (event.event) {
        case 'connecting':
          return { text: `#${event.socket} connecting to ${event.url}`, kind: 'meta' };
        case 'open':
          return { text: `#${event.socket} open`, kind: 'meta' };
        case 'send':
          return { text: `#${event.socket} → ${event.preview}${event.queued ? '  (queued while not open)' : ''}`, kind: 'up' };
        case 'message':
          return { text: `#${event.socket} ← ${event.preview}`, kind: 'down' };
        case 'close':
          return { text: `#${event.socket} closed ${event.code}${event.reason ? ` "${event.reason}"` : ''}${event.wasClean ? '' : ' (not clean)'}`, kind: 'meta' };
        case 'error':
          return { text: `#${event.socket} error: ${event.message}`, kind: 'error' };
      }
  }
}

/** Appends one event to the output list as text (never HTML: learner data is untrusted). */
export function appendToOutput(list: HTMLOListElement, event: RunEvent): void {
  const { text, kind } = describe(event);
  const item = document.createElement('li');
  item.className = `pg-line pg-${kind}`;
  item.textContent = text;
  list.append(item);
  while (list.childElementCount > maxLines) list.firstElementChild?.remove();
  list.scrollTop = list.scrollHeight;
}
