import { memoryRooms, type RoomMessage, type Rooms } from '../rooms.ts';
import type { RedisClient } from './redis-chat.ts';

/**
 * Rooms shared through Redis pub/sub, for what may be lost (chat presence): members on this
 * instance get a message at once, with no round trip, so an instance cut off from Redis still
 * serves its own clients; the other instances get it through the room's channel.
 */
export function redisRooms<Member>(
  client: RedisClient,
  subscriber: RedisClient,
  prefix: string,
  instance: string,
  deliver: (members: ReadonlySet<Member>, message: RoomMessage, except?: Member) => void,
): Rooms<Member> {
  const local = memoryRooms(deliver);
  const channel = (room: string) => `${prefix}:${room}`;
  return {
    join(room, member) {
      const first = local.members(room).size === 0;
      local.join(room, member);
      if (!first) return;
      const heard = (message: string) => {
        const space = message.indexOf(' ');
        // Our own messages were delivered here already.
        if (message.slice(0, space) !== instance) local.publish(room, { data: message.slice(space + 1), isBinary: false });
      };
      subscriber.subscribe(channel(room), heard).catch(() => undefined);
    },
    leave(room, member) {
      local.leave(room, member);
      if (local.members(room).size === 0) subscriber.unsubscribe(channel(room)).catch(() => undefined);
    },
    members: (room) => local.members(room),
    publish(room, message, except) {
      local.publish(room, message, except);
      client.publish(channel(room), `${instance} ${message.data.toString()}`).catch(() => undefined);
    },
  };
}
