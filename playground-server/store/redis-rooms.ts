import { memoryRooms, type RoomMessage, type Rooms } from '../rooms.ts';
import type { RedisClient } from './redis-chat.ts';

/** Envelope on the channel: the sending instance's tag, whether the payload is binary, the payload. */
const TAG_BYTES = 8;

/**
 * Rooms shared through Redis pub/sub, for what may be lost (raw relay, chat presence): members
 * on this instance get a message at once, with no round trip, so an instance cut off from Redis
 * still serves its own clients; the other instances get it through the room's channel.
 */
export function redisRooms<Member>(
  client: RedisClient,
  subscriber: RedisClient,
  prefix: string,
  instance: string,
  deliver: (members: ReadonlySet<Member>, message: RoomMessage, except?: Member) => void,
): Rooms<Member> {
  const local = memoryRooms(deliver);
  const tag = Buffer.from(instance.padEnd(TAG_BYTES).slice(0, TAG_BYTES));
  const channel = (room: string) => `${prefix}:${room}`;
  return {
    join(room, member) {
      const first = local.members(room).size === 0;
      local.join(room, member);
      if (!first) return;
      const heard = (envelope: Buffer) => {
        // Our own messages were delivered here already.
        if (envelope.length <= TAG_BYTES || tag.equals(envelope.subarray(0, TAG_BYTES))) return;
        const isBinary = envelope[TAG_BYTES] === 1;
        const payload = envelope.subarray(TAG_BYTES + 1);
        local.publish(room, { data: isBinary ? payload : payload.toString(), isBinary });
      };
      subscriber.subscribe(channel(room), heard, true).catch(() => undefined);
    },
    leave(room, member) {
      local.leave(room, member);
      if (local.members(room).size === 0) subscriber.unsubscribe(channel(room)).catch(() => undefined);
    },
    members: (room) => local.members(room),
    publish(room, message, except) {
      local.publish(room, message, except);
      const payload = typeof message.data === 'string' ? Buffer.from(message.data) : message.data;
      const envelope = Buffer.concat([tag, Buffer.of(message.isBinary ? 1 : 0), payload]);
      client.publish(channel(room), envelope).catch(() => undefined);
    },
  };
}
