import * as z from 'zod/mini';
import { ChatMember } from '../../protocol/chat.ts';
import type { RedisClient } from './redis-chat.ts';
import { aliveKey } from './redis-relay.ts';
import type { ChatPresence } from './types.ts';

const membersKey = (room: string) => `duplex:chat:${room}:members`;
/** A member as kept in the room's hash: who, and which instance holds their socket. */
const Kept = z.object({ member: ChatMember, instance: z.string() });

/**
 * Who is in each chat room on every instance: a hash per room, member id → member and instance.
 * An instance that dies cannot take its members out, so a member counts only while its
 * instance's heartbeat (redis-relay.ts) is alive, and the dead ones are cleared when seen.
 * Lost writes (a Redis outage) only make a welcome's member list shorter or longer for a while.
 */
export function redisPresence(client: RedisClient, self: string): ChatPresence {
  const ignore = () => undefined;
  return {
    set(room, member) {
      client.hSet(membersKey(room), member.id, JSON.stringify({ member, instance: self })).catch(ignore);
    },
    delete(room, id) {
      client.hDel(membersKey(room), id).catch(ignore);
    },
    async others(room) {
      const kept = await client.hGetAll(membersKey(room));
      const found: Array<{ id: string; value: z.infer<typeof Kept> }> = [];
      for (const [id, text] of Object.entries(kept)) {
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {
          // not ours: dropped below
        }
        const parsed = Kept.safeParse(json);
        if (parsed.success && parsed.data.instance !== self) found.push({ id, value: parsed.data });
        else if (!parsed.success) client.hDel(membersKey(room), id).catch(ignore);
      }
      const instances = [...new Set(found.map((entry) => entry.value.instance))];
      const alive = new Set<string>();
      await Promise.all(instances.map(async (instance) => void ((await client.exists(aliveKey(instance))) && alive.add(instance))));
      const dead = found.filter((entry) => !alive.has(entry.value.instance)).map((entry) => entry.id);
      if (dead.length > 0) client.hDel(membersKey(room), dead).catch(ignore);
      return found.filter((entry) => alive.has(entry.value.instance)).map((entry) => entry.value.member);
    },
  };
}
