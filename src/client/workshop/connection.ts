import { CloseCode } from '../../../protocol/close-codes.ts';
import {
  WorkshopCloseCode,
  WorkshopServerMessage,
  type WorkshopClientMessage,
} from '../../../protocol/workshop.ts';
import { serverOrigin } from '../socket/server-origin.ts';
import { DuplexSocket } from '../socket/duplex-socket.ts';
import { socketUrl } from '../socket/socket-url.ts';

export type LinkState =
  | { state: 'connecting' }
  | { state: 'open' }
  /** The link is down; the next attempt is in `retryInMs` (null: as soon as the current one ends). */
  | { state: 'reconnecting'; retryInMs: number | null }
  /** Final: the server said no (wrong token, no such room, full, ended) or another tab took over. */
  | { state: 'closed'; code: number; reason: string };

/** Answers the server gives once and for all: reconnecting would only hear them again. */
const finalCodes = [...Object.values(WorkshopCloseCode), CloseCode.normal, CloseCode.policyViolation, CloseCode.messageTooBig];

/** What a person did while the link was down, waiting to be sent; more is refused, visibly. */
export const maxPending = 20;

/**
 * The page's heartbeat: a ping every 10 s, and no answer in 5 s means a half-open link (a
 * laptop that slept, a Wi-Fi that kept the association but lost the route): reconnect.
 */
const heartbeat = { intervalMs: 10_000, timeoutMs: 5_000, message: JSON.stringify({ type: 'ping' } satisfies WorkshopClientMessage) };

export interface WorkshopLink {
  /**
   * Sends now if the room has welcomed this connection; else keeps the message and sends it
   * right after the next welcome ('pending'), or refuses it when too much is waiting ('refused').
   */
  send(message: WorkshopClientMessage): 'sent' | 'pending' | 'refused';
  /** Sends only if it can go now (leaving, run results): nothing to do later. */
  sendNow(message: WorkshopClientMessage): boolean;
  close(): void;
}

/**
 * A reconnecting connection to `/ws/workshop/<path>` on the course's DuplexSocket. `hello` is
 * sent on every (re)open so the server knows who is back, and what was done while the link was
 * down is sent only after the server's welcome (before it the server would refuse it). `path`
 * is read on every attempt (a room created over `new` is rejoined by its code). Server messages
 * are validated with the shared schema before use.
 */
export function openWorkshopLink(options: {
  path: () => string;
  hello: () => WorkshopClientMessage | null;
  onMessage: (message: WorkshopServerMessage) => void;
  onState: (state: LinkState) => void;
  /** The messages waiting to be sent changed (a page shows them as pending). */
  onPending?: (pending: readonly WorkshopClientMessage[]) => void;
}): WorkshopLink {
  const socket = new DuplexSocket(() => socketUrl(`/ws/workshop/${options.path()}`, serverOrigin()), {
    finalCodes,
    heartbeat,
    // The link keeps its own queue: queued commands must follow the hello, not precede it.
    maxEnqueuedMessages: 0,
  });
  let welcomed = false;
  let pending: WorkshopClientMessage[] = [];
  const pendingChanged = () => options.onPending?.(pending);

  options.onState({ state: 'connecting' });
  socket.addEventListener('open', () => {
    options.onState({ state: 'open' });
    const hello = options.hello();
    if (hello) socket.send(JSON.stringify(hello));
  });
  socket.addEventListener('close', () => {
    welcomed = false;
    const close = socket.lastClose;
    if (close && close.final) {
      options.onState({ state: 'closed', code: close.code, reason: close.reason });
      pending = [];
      pendingChanged();
    } else options.onState({ state: 'reconnecting', retryInMs: close?.retryInMs ?? null });
  });
  socket.addEventListener('message', (event) => {
    let data: unknown;
    try {
      data = JSON.parse(String((event as MessageEvent).data));
    } catch {
      return;
    }
    const result = WorkshopServerMessage.safeParse(data);
    if (!result.success) return console.warn('workshop: ignored an unexpected message', result.error.issues[0]);
    const message = result.data;
    if (message.type === 'pong') return;
    options.onMessage(message);
    if ((message.type === 'welcome' || message.type === 'welcome-host') && !welcomed) {
      welcomed = true;
      const waiting = pending;
      pending = [];
      for (const queued of waiting) socket.send(JSON.stringify(queued));
      if (waiting.length) pendingChanged();
    }
  });
  const canSend = () => welcomed && socket.readyState === socket.OPEN;
  return {
    send(message) {
      if (canSend()) {
        socket.send(JSON.stringify(message));
        return 'sent';
      }
      if (pending.length >= maxPending) return 'refused';
      pending.push(message);
      pendingChanged();
      return 'pending';
    },
    sendNow(message) {
      if (!canSend()) return false;
      socket.send(JSON.stringify(message));
      return true;
    },
    close() {
      socket.close(CloseCode.normal, 'closed by the page');
    },
  };
}
