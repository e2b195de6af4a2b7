import { CloseCode } from '../../../protocol/close-codes.ts';
import ReconnectingWebSocket from 'partysocket/ws';
import {
  WorkshopCloseCode,
  WorkshopServerMessage,
  type WorkshopClientMessage,
} from '../../../protocol/workshop.ts';
import { serverOrigin } from '../socket/server-origin.ts';
import { socketDefaults } from '../socket/backoff.ts';

export type LinkState =
  | { state: 'connecting' }
  | { state: 'open' }
  | { state: 'reconnecting' }
  /** Final: the server said no (wrong token, no such room, full, ended) or another tab took over. */
  | { state: 'closed'; code: number; reason: string };

/** Answers the server gives once and for all: reconnecting would only hear them again. */
const finalCodes = new Set<number>([...Object.values(WorkshopCloseCode), CloseCode.normal, CloseCode.policyViolation, CloseCode.messageTooBig]);

export interface WorkshopLink {
  send(message: WorkshopClientMessage): void;
  close(): void;
}

/**
 * A reconnecting connection to `/ws/workshop/<path>`. `hello` is sent on every (re)open so the
 * server knows who is back; `path` is read on every attempt (a room created over `new` is
 * rejoined by its code). Server messages are validated with the shared schema before use.
 */
export function openWorkshopLink(options: {
  path: () => string;
  hello: () => WorkshopClientMessage | null;
  onMessage: (message: WorkshopServerMessage) => void;
  onState: (state: LinkState) => void;
}): WorkshopLink {
  const url = () => {
    const target = new URL(`/ws/workshop/${options.path()}`, serverOrigin());
    target.protocol = target.protocol === 'https:' ? 'wss:' : 'ws:';
    return target.href;
  };
  const socket = new ReconnectingWebSocket(url, [], {
    ...socketDefaults,
    // Commands are not queued while offline: a stale vote or push must not fire minutes later.
    maxEnqueuedMessages: 0,
    shouldReconnectOnClose: (event) => !finalCodes.has(event.code),
  });
  options.onState({ state: 'connecting' });
  // Back on the Wi-Fi: try at once instead of waiting out the backoff.
  window.addEventListener('online', () => {
    if (socket.readyState !== ReconnectingWebSocket.OPEN) socket.reconnect();
  });
  socket.addEventListener('open', () => {
    options.onState({ state: 'open' });
    const hello = options.hello();
    if (hello) socket.send(JSON.stringify(hello));
  });
  socket.addEventListener('close', (event) => {
    options.onState(finalCodes.has(event.code) ? { state: 'closed', code: event.code, reason: event.reason } : { state: 'reconnecting' });
  });
  socket.addEventListener('message', (event) => {
    let data: unknown;
    try {
      data = JSON.parse(String(event.data));
    } catch {
      return;
    }
    const result = WorkshopServerMessage.safeParse(data);
    if (result.success) options.onMessage(result.data);
    else console.warn('workshop: ignored an unexpected message', result.error.issues[0]);
  });
  return {
    send(message) {
      if (socket.readyState === ReconnectingWebSocket.OPEN) socket.send(JSON.stringify(message));
    },
    close() {
      socket.close(CloseCode.normal, 'closed by the page');
    },
  };
}
