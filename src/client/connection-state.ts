import type { RunEvent } from './run-protocol.ts';

/** One line that always says what the sockets of the current run are doing. */
export function describeConnection(event: RunEvent, previous: string): string {
  if (event.type !== 'socket') return previous;
  switch (event.event) {
    case 'connecting':
      return 'connecting…';
    case 'open':
      return 'open';
    case 'close':
      return `closed ${event.code}${event.reason ? ` (${event.reason})` : ''}`;
    default:
      return previous;
  }
}
