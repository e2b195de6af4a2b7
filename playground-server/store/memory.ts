import { randomBytes } from 'node:crypto';
import { ChatLog } from '../chat-log.ts';
import { memoryRooms } from '../rooms.ts';
import { memoryFeed } from '../feed.ts';
import { applyRoomEvent, newRoomRecord, type RoomRecord } from '../workshop/record.ts';
import { Followers } from './followers.ts';
import type { ChatLogs, Store, WorkshopStore } from './types.ts';

/** A room's log outlives a short empty spell (everyone reconnecting), then is forgotten. */
const EMPTY_ROOM_GRACE_MS = 60_000;

export const newEpoch = () => randomBytes(6).toString('base64url');

/** Chat logs in this process's memory: a restart starts every room over, in a new epoch. */
export function memoryChatLogs(historyLimit: number, graceMs = EMPTY_ROOM_GRACE_MS): ChatLogs {
  const logs = new Map<string, { log: ChatLog; epoch: string; forget?: NodeJS.Timeout }>();
  const followers = new Followers();
  const logFor = (room: string) => {
    let entry = logs.get(room);
    if (!entry) logs.set(room, (entry = { log: new ChatLog(historyLimit), epoch: newEpoch() }));
    clearTimeout(entry.forget);
    return entry;
  };
  return {
    async append(room, from, text) {
      const line = logFor(room).log.append(from, text);
      followers.line(room, JSON.stringify(line), line.seq);
      return line;
    },
    follow: (room, follower) => followers.add(room, follower),
    async read(room, after) {
      const { log, epoch } = logFor(room);
      const kept = after === null ? { lines: [], truncated: false } : log.since(after);
      return { epoch, latestSeq: log.latestSeq, ...kept };
    },
    idle(room) {
      const entry = logs.get(room);
      if (entry) entry.forget = setTimeout(() => logs.delete(room), graceMs).unref();
    },
  };
}

/** A store only one process uses: the registry's own rooms are every code in use, and no room is ever taken away. */
export const singleInstanceRooms: Pick<WorkshopStore, 'reserve' | 'onLost'> = {
  reserve: async () => true,
  onLost: () => undefined,
};

/** Workshop rooms in memory: `load` sees what this same store was given (for the conformance suite). */
export function memoryWorkshopStore(): WorkshopStore {
  const rooms = new Map<string, RoomRecord>();
  return {
    load: async () => [...rooms.values()].map((room) => structuredClone(room)),
    append(code, event) {
      rooms.set(code, applyRoomEvent(rooms.get(code) ?? newRoomRecord(code, ''), event));
    },
    remove: (code) => void rooms.delete(code),
    ...singleInstanceRooms,
  };
}

/** `--ephemeral`: today's behaviour, nothing outlives the process. */
export function memoryStore(historyLimit: number): Store {
  return { kind: 'memory', chat: memoryChatLogs(historyLimit), workshop: memoryWorkshopStore(), relay: null, presence: null, feed: async (ms) => memoryFeed(ms), rooms: (_name, deliver) => memoryRooms(deliver), healthy: true, close: async () => undefined };
}
