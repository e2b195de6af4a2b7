import type { createClient } from 'redis';
import { ChatLine } from '../../protocol/chat.ts';
import { Followers } from './followers.ts';
import { newEpoch } from './memory.ts';
import type { ChatLogs } from './types.ts';

export type RedisClient = ReturnType<typeof createClient>;

const keys = (room: string) => ({ seq: `duplex:chat:${room}:seq`, log: `duplex:chat:${room}:log`, epoch: `duplex:chat:${room}:epoch`, channel: `duplex:chat:${room}:lines` });

/** A room nobody wrote to for this long is forgotten by Redis (its log, seq and epoch together). */
const IDLE_ROOM_SECONDS = 7 * 24 * 3600;

/**
 * One script, so the seq, the stream entry (the resumable copy, id = seq) and the publish (the
 * fast copy) happen together: every instance sees a room's lines in seq order, and a missing
 * epoch (Redis lost its data) is replaced before the first line of the new log. Every append
 * pushes the room's expiry back, so idle rooms do not pile up in Redis.
 */
const APPEND = `
local seq = redis.call('INCR', KEYS[1])
local epoch = redis.call('GET', KEYS[3])
if not epoch then epoch = ARGV[3]; redis.call('SET', KEYS[3], epoch) end
local line = '{"type":"message","seq":' .. seq .. ',' .. ARGV[1]
redis.call('XADD', KEYS[2], 'MAXLEN', ARGV[2], seq .. '-0', 'l', line)
redis.call('PUBLISH', KEYS[4], epoch .. ' ' .. line)
for i = 1, 3 do redis.call('EXPIRE', KEYS[i], ARGV[4]) end
return line`;

const seqIn = (line: string) => Number(/^\{"type":"message","seq":(\d+),/.exec(line)?.[1] ?? 0);

/** What this instance has delivered of a followed room, to drop repeats and fill gaps. */
interface Cursor {
  epoch: string | null;
  last: number;
  /** Deliveries in order, even when one has to fetch a gap from the stream first. */
  chain: Promise<void>;
}

/**
 * Chat logs in Redis: a Stream per room (per-message offset = seq) plus an epoch key, pub/sub
 * only as the fast path. Pub/sub may lose lines (a dropped subscriber connection); the stream
 * does not, so a gap or a reconnect is filled from the stream, and each line is delivered once.
 */
export function redisChatLogs(client: RedisClient, subscriber: RedisClient, limit: number): ChatLogs & { resync(): Promise<void> } {
  const followers = new Followers();
  const cursors = new Map<string, Cursor>();

  const range = async (room: string, from: number): Promise<string[]> =>
    ((await client.xRange(keys(room).log, `${from}-0`, '+')) ?? []).map((entry) => String(entry.message.l));

  function deliver(room: string, cursor: Cursor, line: string): void {
    const seq = seqIn(line);
    if (seq <= cursor.last) return;
    cursor.last = seq;
    followers.line(room, line, seq);
  }

  function onPublished(room: string, message: string): void {
    const cursor = cursors.get(room);
    if (!cursor) return;
    const space = message.indexOf(' ');
    const epoch = message.slice(0, space);
    const line = message.slice(space + 1);
    cursor.chain = cursor.chain.then(async () => {
      if (cursor.epoch !== null && cursor.epoch !== epoch) {
        cursor.last = 0;
        followers.reset(room);
      }
      cursor.epoch = epoch;
      const seq = seqIn(line);
      if (cursor.last > 0 && seq > cursor.last + 1) for (const missed of await range(room, cursor.last + 1)) deliver(room, cursor, missed);
      deliver(room, cursor, line);
    }).catch(() => undefined); // Redis gone mid-gap: the resync after the reconnect fills it
  }

  return {
    async append(room, from, text) {
      const k = keys(room);
      const rest = JSON.stringify({ from: { id: from.id, name: from.name }, text, at: Date.now() }).slice(1);
      const line = await client.eval(APPEND, { keys: [k.seq, k.log, k.epoch, k.channel], arguments: [rest, String(limit), newEpoch(), String(IDLE_ROOM_SECONDS)] });
      return ChatLine.parse(JSON.parse(String(line)));
    },
    async read(room, after) {
      const k = keys(room);
      const [, epoch, seq] = (await client.multi().set(k.epoch, newEpoch(), { condition: 'NX' }).get(k.epoch).get(k.seq).exec()) as unknown as [unknown, string, string | null];
      const latest = Number(seq ?? 0);
      if (after === null || after >= latest) return { epoch, latestSeq: latest, lines: [], truncated: false };
      const lines = (await range(room, after + 1)).map((line) => ChatLine.parse(JSON.parse(line)));
      const latestSeq = Math.max(latest, lines.at(-1)?.seq ?? 0);
      return { epoch, latestSeq, lines, truncated: (lines[0]?.seq ?? latestSeq + 1) > after + 1 };
    },
    follow(room, follower) {
      if (!cursors.has(room)) {
        const cursor: Cursor = { epoch: null, last: 0, chain: Promise.resolve() };
        cursors.set(room, cursor);
        subscriber.subscribe(keys(room).channel, (message) => onPublished(room, message)).catch(() => undefined);
      }
      const stop = followers.add(room, follower);
      return () => {
        stop();
        if ([...followers.rooms()].includes(room)) return;
        cursors.delete(room);
        subscriber.unsubscribe(keys(room).channel).catch(() => undefined);
      };
    },
    idle: () => undefined,
    /**
     * After a reconnect: what pub/sub dropped meanwhile comes from the streams, and a room
     * whose epoch changed (Redis restarted empty) resets its followers.
     */
    async resync() {
      for (const [room, cursor] of cursors) {
        cursor.chain = cursor.chain.then(async () => {
          const k = keys(room);
          const [, epoch] = (await client.multi().set(k.epoch, newEpoch(), { condition: 'NX' }).get(k.epoch).exec()) as unknown as [unknown, string];
          if (cursor.epoch !== null && cursor.epoch !== epoch) {
            cursor.last = 0;
            followers.reset(room);
          }
          cursor.epoch = epoch;
          for (const line of await range(room, cursor.last + 1)) deliver(room, cursor, line);
        }).catch(() => undefined);
        await cursor.chain;
      }
    },
  };
}
