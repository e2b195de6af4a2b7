import { applyRoomEvent, newRoomRecord, RoomEvent, type RoomRecord } from '../workshop/record.ts';
import type { RedisClient } from './redis-chat.ts';
import { eventsKey, ROOMS, type RoomOwnership } from './redis-ownership.ts';
import { StoreError } from './store-error.ts';
import type { WorkshopStore } from './types.ts';

/** One room as its stream of events left it, folded with the shared reducer. */
export async function readRoom(client: RedisClient, url: string, code: string): Promise<RoomRecord> {
  let record = newRoomRecord(code, '');
  for (const entry of (await client.xRange(eventsKey(code), '-', '+')) ?? []) {
    const parsed = RoomEvent.safeParse(JSON.parse(String(entry.message.e)));
    if (!parsed.success) throw new StoreError(url, `workshop room ${code} event ${entry.id} is not a room event`);
    record = applyRoomEvent(record, parsed.data);
  }
  return record;
}

/**
 * Workshop rooms in Redis: a Stream of events per room and a set of room codes; `load` folds
 * each stream with the shared reducer. A live room has one owner, the instance that created it
 * (a name that stays the same across its restarts, host:port), so two instances never serve
 * diverging copies of one room into one log; the others relay to it (redis-relay.ts), and one
 * of them takes the room over when the owner is gone. Every write is fenced (redis-ownership.ts):
 * an owner that was replaced while it stalled is refused and steps down.
 */
export function redisWorkshopStore(client: RedisClient, url: string, ownership: RoomOwnership): WorkshopStore {
  return {
    async load() {
      const rooms: RoomRecord[] = [];
      for (const code of await client.sMembers(ROOMS)) {
        if (await ownership.claim(code)) rooms.push(await readRoom(client, url, code));
      }
      return rooms;
    },
    reserve: (code) => ownership.reserve(code),
    append: (code, event) => ownership.append(code, event),
    remove: (code) => ownership.remove(code),
    onLost: (handler) => ownership.onLost(handler),
  };
}
