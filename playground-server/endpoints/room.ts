import { RoomName } from '../../protocol/rooms.ts';
import type { LiveSocket } from '../live-socket.ts';
import type { Rooms } from '../rooms.ts';
import type { UpgradeRefusal, WsEndpoint } from './types.ts';

/** Reads the room name after `prefix`, or the refusal that explains the rule. */
export function roomFromPath(url: URL, prefix: string): { params: { room: string } } | UpgradeRefusal | null {
  if (!url.pathname.startsWith(prefix)) return null;
  const room = RoomName.safeParse(url.pathname.slice(prefix.length));
  if (!room.success) return { status: 400, reason: 'room name must be 1–64 letters, digits, "-" or "_"' };
  return { params: { room: room.data } };
}

/** `WS /ws/room/<name>`: a raw relay; each message goes unchanged to every other member. */
export function roomEndpoint(rooms: Rooms<LiveSocket>): WsEndpoint<{ room: string }> {
  return {
    name: 'room',
    match: (url) => roomFromPath(url, '/ws/room/'),
    open(ws, _req, { room }) {
      rooms.join(room, ws);
      ws.on('message', (data: Buffer, isBinary) => rooms.publish(room, { data, isBinary }, ws));
      ws.on('close', () => rooms.leave(room, ws));
    },
  };
}
