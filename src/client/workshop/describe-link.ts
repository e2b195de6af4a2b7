import type { LinkState } from './connection.ts';

/** Short words for a connection state, shown beside the room code. */
export function describeLink(state: LinkState): string {
  switch (state.state) {
    case 'connecting':
      return 'connecting…';
    case 'open':
      return 'connected';
    case 'reconnecting':
      return 'reconnecting…';
    case 'closed':
      return `disconnected: ${state.reason || `code ${state.code}`}`;
  }
}
