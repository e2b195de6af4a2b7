import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { redisRooms } from './redis-rooms.ts';
import { redisChatLogs, type RedisClient } from './redis-chat.ts';
import { redisWorkshopStore } from './redis-workshop.ts';
import { redisRelay } from './redis-relay.ts';
import { RoomOwnership } from './redis-ownership.ts';
import { redisPresence } from './redis-presence.ts';
import { redisFeed } from './redis-feed.ts';
import { StoreError } from './store-error.ts';
import type { Store } from './types.ts';

/** Reconnect soon, then every 2 s at most: a Redis restart is usually seconds. */
const backoff = (retries: number) => Math.min(50 * 2 ** retries, 2000);

/**
 * `--redis URL`: every instance pointed at the same Redis shares chat logs and workshop rooms.
 * A Redis outage degrades the instance, never stops it: commands fail at once (no offline
 * queue that would hold a chat message for an unknown time), /healthz and /metrics say so,
 * the clients reconnect by themselves, and followed rooms resync from the streams afterwards.
 */
/**
 * `owner`: this instance's name for the workshop rooms it serves; it must stay the same across
 * its restarts (host:port) so a restarted instance gets its rooms back.
 */
export async function openRedisStore(url: string, historyLimit: number, owner: string): Promise<Store> {
  const client: RedisClient = createClient({ url, disableOfflineQueue: true, socket: { reconnectStrategy: backoff, connectTimeout: 2000 } });
  const subscriber: RedisClient = client.duplicate({ disableOfflineQueue: false });
  let lastError = '';
  // node-redis emits 'error' on every failed reconnect; without a listener it would crash the process.
  const noteError = (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    if (message !== lastError) console.error(`duplex server: Redis ${url}: ${message || 'connection lost'} (serving local clients; reconnecting)`);
    lastError = message;
  };
  client.on('error', noteError);
  subscriber.on('error', noteError);
  try {
    await Promise.race([
      Promise.all([client.connect(), subscriber.connect()]),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no answer in 5 s')), 5000).unref()),
    ]);
  } catch (error) {
    client.destroy();
    subscriber.destroy();
    throw new StoreError(url, `cannot reach Redis: ${(error as Error).message}`, 'Start redis-server there, or leave out --redis / DUPLEX_REDIS_URL for the embedded store.');
  }
  const chat = redisChatLogs(client, subscriber, historyLimit);
  const ownership = new RoomOwnership(client, owner, noteError);
  const relay = await redisRelay(client, subscriber, url, ownership);
  const instance = randomBytes(6).toString('base64url');
  // Every 'ready' after the first is a reconnect: what pub/sub missed meanwhile comes from the
  // streams. Both connections come back in either order, so both trigger it: the later one
  // runs when commands and subscriptions work again.
  for (const connection of [client, subscriber]) {
    connection.on('ready', () => {
      lastError = '';
      void chat.resync();
    });
  }
  return {
    kind: 'redis',
    chat,
    workshop: redisWorkshopStore(client, url, ownership),
    relay,
    presence: redisPresence(client, owner),
    feed: (intervalMs) => redisFeed(client, subscriber, owner, intervalMs),
    rooms: (name, deliver) => redisRooms(client, subscriber, `duplex:rooms:${name}`, instance, deliver),
    get healthy() {
      return client.isReady && subscriber.isReady;
    },
    async close() {
      // Pending writes (workshop events are not awaited by the room) go out first; a Redis that is gone is not waited for.
      await Promise.all([client, subscriber].map((c) => (c.isReady ? c.close().catch(() => c.destroy()) : c.destroy())));
    },
  };
}
