import { broadcast as broadcastFrame } from '../broadcast.ts';
import type { LiveSocket } from '../live-socket.ts';
import type { WorkshopServerMessage } from '../../protocol/workshop.ts';

export function send(ws: LiveSocket, message: WorkshopServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

/**
 * Serialised and framed once for the whole room: with 500 attendees that is most of the cost of
 * a push. A reader too slow to keep up is dropped by the socket itself (the server's send
 * buffer bound); it reconnects and catches up from the room state.
 */
export function broadcast(sockets: Iterable<LiveSocket>, message: WorkshopServerMessage): void {
  broadcastFrame(sockets, JSON.stringify(message), false);
}
