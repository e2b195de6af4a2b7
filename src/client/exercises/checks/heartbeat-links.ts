import { faultsConfirmed, received, socketEvents, type CloseEvent, type FaultConfirmation, type FrameEvent } from './events.ts';
import type { RunEvent, SocketEvent } from '../../playground/runner/run-protocol.ts';

/** What the run's sockets did around the heartbeat exercise's blackholes, read from the events. */

type OpenEvent = Extract<SocketEvent, { event: 'open' }>;

/** When socket `socket` last heard from the server before `at`: its last answer, or its last open. */
export function lastHeardBefore(events: readonly RunEvent[], socket: number, at: number): number | undefined {
  let heard: number | undefined;
  for (const event of socketEvents(events)) {
    if (event.socket !== socket || event.at > at) continue;
    if (event.event === 'open' || event.event === 'message') heard = event.at;
  }
  return heard;
}

/** Whether socket `socket` is open now: it opened after its last close. */
export function isOpen(events: readonly RunEvent[], socket: number): boolean {
  let open = false;
  for (const event of socketEvents(events)) {
    if (event.socket !== socket) continue;
    if (event.event === 'open') open = true;
    if (event.event === 'close') open = false;
  }
  return open;
}

/**
 * One blackhole and what followed it: the blackholed socket's next close (whoever made it), the
 * next open after that (the reconnected link, on any socket: a fresh connect() counts too), and
 * that link's first answer.
 */
export interface Strike {
  fault: FaultConfirmation;
  close: CloseEvent | undefined;
  reopen: OpenEvent | undefined;
  answer: FrameEvent | undefined;
}

function strikeOf(events: readonly RunEvent[], fault: FaultConfirmation): Strike {
  const sockets = socketEvents(events);
  const close = sockets.find((event): event is CloseEvent => event.event === 'close' && event.socket === fault.socket && event.at > fault.at);
  const reopen = close && sockets.find((event): event is OpenEvent => event.event === 'open' && event.at > close.at);
  const answer = reopen && received(events).find((got) => got.socket === reopen.socket && got.at > reopen.at);
  return { fault, close, reopen, answer };
}

/**
 * The blackholes the check counts, at most two: the first the server confirmed, then the first
 * confirmed on the reconnected link once that link had answered. Every open inspect link of the
 * run carries the command (a learner who reconnects with a fresh connect() leaves the old one
 * open), so other confirmations of the same strike are not strikes of their own.
 */
export function strikesOf(events: readonly RunEvent[]): Strike[] {
  const confirmed = faultsConfirmed(events, 'blackhole');
  const firstFault = confirmed[0];
  if (!firstFault) return [];
  const first = strikeOf(events, firstFault);
  const { reopen, answer } = first;
  const secondFault = reopen && answer && confirmed.find((fault) => fault.socket === reopen.socket && fault.at > answer.at);
  return secondFault ? [first, strikeOf(events, secondFault)] : [first];
}
