import { applyRoomEvent, newRoomRecord, RoomEvent, type RoomRecord } from '../workshop/record.ts';
import type { RedisClient } from './redis-chat.ts';
import { StoreError } from './store-error.ts';
import type { WorkshopStore } from './types.ts';

export const ROOMS = 'duplex:workshop:rooms';
const eventsKey = (code: string) => `duplex:workshop:${code}:events`;
export const ownerKey = (code: string) => `duplex:workshop:${code}:owner`;

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
 * (`owner`: a name that stays the same across its restarts, host:port), so two instances never
 * serve diverging copies of one room into one log; the others relay to it (redis-relay.ts), and
 * one of them takes the room over when the owner is gone. Writes are not awaited by the room (it has
 * decided already); a failed one marks the store degraded through `onError`.
 */
export function redisWorkshopStore(client: RedisClient, url: string, owner: string, onError: (error: unknown) => void): WorkshopStore {
  /** Ours if nobody owns it yet or we already do (SET NX GET answers the owner there was). */
  const claim = async (code: string) => {
    const before = await client.set(ownerKey(code), owner, { condition: 'NX', GET: true });
    return before === null || before === owner;
  };
  return {
    async load() {
      const rooms: RoomRecord[] = [];
      for (const code of await client.sMembers(ROOMS)) {
        if (await claim(code)) rooms.push(await readRoom(client, url, code));
      }
      return rooms;
    },
    append(code, event) {
      const key = eventsKey(code);
      const write = event.type === 'created'
        ? client.multi().del(key).set(ownerKey(code), owner).sAdd(ROOMS, code).xAdd(key, '*', { e: JSON.stringify(event) }).exec()
        : client.xAdd(key, '*', { e: JSON.stringify(event) });
      write.catch(onError);
    },
    remove(code) {
      client.multi().sRem(ROOMS, code).del([eventsKey(code), ownerKey(code)]).exec().catch(onError);
    },
  };
}
