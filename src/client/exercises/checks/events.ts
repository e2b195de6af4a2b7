import type { FaultName, InspectEvent } from '../../../../protocol/inspect.ts';
import type { HttpEvent, RunEvent, SocketEvent } from '../../playground/runner/run-protocol.ts';

/** Small readers over a run's events, shared by the checks so each check reads as its rule. */

export type ConsoleEvent = Extract<RunEvent, { type: 'console' }>;
export type FrameEvent = Extract<SocketEvent, { event: 'send' | 'message' }>;
export type SendEvent = Extract<SocketEvent, { event: 'send' }>;
export type CloseEvent = Extract<SocketEvent, { event: 'close' }>;

export function consoleLines(events: readonly RunEvent[]): ConsoleEvent[] {
  return events.filter((event): event is ConsoleEvent => event.type === 'console');
}

export function socketEvents(events: readonly RunEvent[]): SocketEvent[] {
  return events.filter((event): event is SocketEvent => event.type === 'socket');
}

export function sends(events: readonly RunEvent[]): SendEvent[] {
  return socketEvents(events).filter((event): event is SendEvent => event.event === 'send');
}

export function received(events: readonly RunEvent[]): FrameEvent[] {
  return socketEvents(events).filter((event): event is FrameEvent => event.event === 'message');
}

export function closes(events: readonly RunEvent[]): CloseEvent[] {
  return socketEvents(events).filter((event): event is CloseEvent => event.event === 'close');
}

/** The URL each socket of the run connected to, by socket number. */
export function socketUrls(events: readonly RunEvent[]): Map<number, string> {
  const urls = new Map<number, string>();
  for (const event of socketEvents(events)) if (event.event === 'connecting') urls.set(event.socket, event.url);
  return urls;
}

export type ServerFrame = Extract<InspectEvent, { type: 'frame' }>;

/**
 * The frames the server itself received (`in`) and sent (`out`) on the run's sockets, from the
 * inspect channel, each with the run's socket number: what the wire carried, which no line the
 * learner logs and no event of their own socket can stand in for.
 */
export function serverFrames(events: readonly RunEvent[]): { socket: number; frame: ServerFrame }[] {
  const frames: { socket: number; frame: ServerFrame }[] = [];
  for (const event of events) if (event.type === 'inspect' && event.event.type === 'frame') frames.push({ socket: event.socket, frame: event.event });
  return frames;
}

/** The fetches of one path (any origin) that were answered 200 with a text body. */
export function bodiesFrom(events: readonly RunEvent[], pathname: string): string[] {
  return httpExchanges(events)
    .filter((event) => new URL(event.url).pathname === pathname && event.status === 200 && event.body !== undefined)
    .map((event) => event.body!);
}

/** The message of the run's first uncaught error, if the learner's code threw. */
export function failure(events: readonly RunEvent[]): string | undefined {
  for (const event of events) if (event.type === 'failed') return event.message;
  return undefined;
}

/** Every HTTP exchange the code made (fetch, EventSource), in the order the answers came. */
export function httpExchanges(events: readonly RunEvent[]): HttpEvent[] {
  return events.filter((event): event is HttpEvent => event.type === 'http');
}

/** The exchanges with one path of the server (e.g. "/healthz"), by request start time. */
export function requestsTo(events: readonly RunEvent[], pathname: string): HttpEvent[] {
  return httpExchanges(events)
    .filter((event) => new URL(event.url).pathname === pathname)
    .sort((a, b) => a.startedAt - b.startedAt);
}

/** The fresh Sec-WebSocket-Key made for this run (see run-worker.ts). */
export function sampleKeyOf(events: readonly RunEvent[]): string | undefined {
  for (const event of events) if (event.type === 'started') return event.sampleKey;
  return undefined;
}

/** When the run last heard of anything: "now", for judgements made over a quiet window. */
export function lastEventAt(events: readonly RunEvent[]): number {
  return events.reduce((latest, event) => Math.max(latest, event.at), 0);
}

/** JSON text as a value, or undefined when it is not JSON (or was cut). */
export function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export interface FaultConfirmation {
  /** The socket whose inspect link carried the confirmation. */
  socket: number;
  at: number;
  /** How many of the run's connections the fault reached. */
  connections: number;
}

/**
 * The server's confirmations that a fault (one a check's stage asked for) hit the run, in order:
 * on which socket's inspect link each came, when, and how many connections it reached.
 */
export function faultsConfirmed(events: readonly RunEvent[], fault: FaultName): FaultConfirmation[] {
  const confirmed: FaultConfirmation[] = [];
  for (const event of events) {
    if (event.type === 'inspect' && event.event.type === 'fault' && event.event.fault === fault) confirmed.push({ socket: event.socket, at: event.at, connections: event.event.connections ?? 0 });
  }
  return confirmed;
}

/** The first such confirmation, for a stage that strikes once. */
export const faultConfirmed = (events: readonly RunEvent[], fault: FaultName): FaultConfirmation | undefined => faultsConfirmed(events, fault)[0];

/**
 * Whether the server's view of socket `socket` is live (its inspect link has reported anything):
 * only then can a fault sent on that link reach the socket's connection. A socket whose link
 * was slow to open starts without it (see inspect-links.ts), and a fault sent then would be lost.
 */
export function watchedByServer(events: readonly RunEvent[], socket: number): boolean {
  return events.some((event) => event.type === 'inspect' && event.socket === socket);
}
