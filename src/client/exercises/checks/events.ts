import type { RunEvent, SocketEvent } from '../../playground/runner/run-protocol.ts';

/** Small readers over a run's events, shared by the checks so each check reads as its rule. */

export type ConsoleEvent = Extract<RunEvent, { type: 'console' }>;
export type FrameEvent = Extract<SocketEvent, { event: 'send' | 'message' }>;
export type CloseEvent = Extract<SocketEvent, { event: 'close' }>;

export function consoleLines(events: readonly RunEvent[]): ConsoleEvent[] {
  return events.filter((event): event is ConsoleEvent => event.type === 'console');
}

export function socketEvents(events: readonly RunEvent[]): SocketEvent[] {
  return events.filter((event): event is SocketEvent => event.type === 'socket');
}

export function sends(events: readonly RunEvent[]): FrameEvent[] {
  return socketEvents(events).filter((event): event is FrameEvent => event.event === 'send');
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

/** The message of the run's first uncaught error, if the learner's code threw. */
export function failure(events: readonly RunEvent[]): string | undefined {
  for (const event of events) if (event.type === 'failed') return event.message;
  return undefined;
}
