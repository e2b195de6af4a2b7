import { broadcast as broadcastFrame, type FrameSink } from '../broadcast.ts';
import type { WorkshopServerMessage } from '../../protocol/workshop.ts';

/**
 * What a room needs of a connection. A LiveSocket on this instance is one; so is a RemoteSocket,
 * the room's end of a connection that another instance holds (remote-socket.ts).
 */
export interface RoomSocket extends FrameSink {
  readonly readyState: number;
  readonly OPEN: number;
  /** Round trip of the last answered heartbeat, in ms (null until one is answered). */
  readonly rttMs: number | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): unknown;
  on(event: 'close' | 'error', listener: () => void): unknown;
}

export function send(ws: RoomSocket, message: WorkshopServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

/**
 * Serialised and framed once for the whole room: with 500 attendees that is most of the cost of
 * a push. A reader too slow to keep up is dropped by the socket itself (the server's send
 * buffer bound); it reconnects and catches up from the room state.
 */
export function broadcast(sockets: Iterable<RoomSocket>, message: WorkshopServerMessage): void {
  broadcastFrame(sockets, JSON.stringify(message), false);
}
