import { applyRoomEvent, newRoomRecord, RoomEvent, type RoomRecord } from '../workshop/record.ts';
import type { RedisClient } from './redis-chat.ts';
import { StoreError } from './store-error.ts';
import type { WorkshopStore } from './types.ts';

const ROOMS = 'duplex:workshop:rooms';
const eventsKey = (code: string) => `duplex:workshop:${code}:events`;

/**
 * Workshop rooms in Redis: a Stream of events per room and a set of room codes; `load` folds
 * each stream with the shared reducer. Writes are not awaited by the room (it has decided
 * already); a failed one marks the store degraded through `onError`.
 */
export function redisWorkshopStore(client: RedisClient, url: string, onError: (error: unknown) => void): WorkshopStore {
  return {
    async load() {
      const rooms: RoomRecord[] = [];
      for (const code of await client.sMembers(ROOMS)) {
        let record = newRoomRecord(code, '');
        for (const entry of (await client.xRange(eventsKey(code), '-', '+')) ?? []) {
          const parsed = RoomEvent.safeParse(JSON.parse(String(entry.message.e)));
          if (!parsed.success) throw new StoreError(url, `workshop room ${code} event ${entry.id} is not a room event`);
          record = applyRoomEvent(record, parsed.data);
        }
        rooms.push(record);
      }
      return rooms;
    },
    append(code, event) {
      const key = eventsKey(code);
      const write = event.type === 'created'
        ? client.multi().del(key).sAdd(ROOMS, code).xAdd(key, '*', { e: JSON.stringify(event) }).exec()
        : client.xAdd(key, '*', { e: JSON.stringify(event) });
      write.catch(onError);
    },
    remove(code) {
      client.multi().sRem(ROOMS, code).del(eventsKey(code)).exec().catch(onError);
    },
  };
}
