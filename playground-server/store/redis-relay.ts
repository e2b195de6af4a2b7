import { RelayMessage } from '../workshop/relay-message.ts';
import type { RedisClient } from './redis-chat.ts';
import { fenceKey, ownerKey, ROOMS, RoomOwnership } from './redis-ownership.ts';
import { readRoom } from './redis-workshop.ts';
import type { RoomLocation, WorkshopRelay } from './types.ts';

export const aliveKey = (instance: string) => `duplex:instance:${instance}`;
const inbox = (instance: string) => `duplex:workshop:to:${instance}`;
/** An instance says it is alive this often; silent for ALIVE_MS, it counts as gone. */
const BEAT_MS = 2000;
const ALIVE_MS = 6000;

/**
 * Who serves the room: nobody (not kept), a live other owner, or this instance (it owned the
 * room already, nobody did, or its owner stopped beating: then it claims the room with a new
 * fencing token, which refuses the old owner's writes from now on). One script, so two
 * instances taking over the same room at once cannot both win.
 * KEYS owner, rooms, fence; ARGV self, alive-key prefix, code, token.
 */
const LOCATE = `
if redis.call('SISMEMBER', KEYS[2], ARGV[3]) == 0 then return false end
local owner = redis.call('GET', KEYS[1])
if owner and owner ~= ARGV[1] and redis.call('EXISTS', ARGV[2] .. owner) == 1 then return owner end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('SET', KEYS[3], ARGV[4])
return ARGV[1]`;

/**
 * The workshop relay over Redis: each instance has an inbox channel and a heartbeat key.
 * Order is kept because each instance publishes on one connection and reads on one.
 */
export async function redisRelay(client: RedisClient, subscriber: RedisClient, url: string, ownership: RoomOwnership): Promise<WorkshopRelay> {
  const self = ownership.self;
  let handler: (message: RelayMessage) => void = () => undefined;
  const outageHandlers: Array<() => void> = [];
  const watched = new Map<string, Set<() => void>>();
  const outage = () => {
    for (const run of outageHandlers) run();
  };
  for (const connection of [client, subscriber]) connection.on('error', outage);

  await subscriber.subscribe(inbox(self), (text: string) => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return;
    }
    // Only our own instances write here; anything else is dropped, never trusted.
    const parsed = RelayMessage.safeParse(json);
    if (parsed.success) handler(parsed.data);
  });
  const beat = () => client.set(aliveKey(self), '1', { PX: ALIVE_MS }).catch(() => undefined);
  await beat();
  // A Redis that restarted empty has no heartbeat of ours: say it again first thing, or another
  // instance would take our rooms over before the next beat.
  client.on('ready', () => void beat());
  const timer = setInterval(() => {
    void beat();
    // The lease: an instance that stalled past ALIVE_MS may have lost rooms it still serves.
    ownership.verify().catch(() => undefined);
    for (const [instance, handlers] of watched) {
      client.exists(aliveKey(instance)).then((alive) => {
        if (alive || watched.get(instance) !== handlers) return;
        watched.delete(instance);
        for (const run of handlers) run();
      }, () => undefined);
    }
  }, BEAT_MS);
  timer.unref();

  return {
    self,
    async locate(code): Promise<RoomLocation> {
      const token = RoomOwnership.newToken();
      const owner = await client.eval(LOCATE, { keys: [ownerKey(code), ROOMS, fenceKey(code)], arguments: [self, aliveKey(''), code, token] });
      if (typeof owner !== 'string') return { at: 'nowhere' };
      if (owner !== self) return { at: 'instance', instance: owner };
      ownership.hold(code, token);
      return { at: 'here', record: await readRoom(client, url, code) };
    },
    listen(listener) {
      handler = listener;
    },
    send(to, message) {
      // A message that cannot go out breaks the relay's promise: both ends start over.
      client.publish(inbox(to), JSON.stringify(message)).catch(outage);
    },
    watch(instance, run) {
      let handlers = watched.get(instance);
      if (!handlers) watched.set(instance, (handlers = new Set()));
      handlers.add(run);
      return () => {
        handlers.delete(run);
        if (handlers.size === 0 && watched.get(instance) === handlers) watched.delete(instance);
      };
    },
    onOutage(run) {
      outageHandlers.push(run);
    },
    async retire() {
      clearInterval(timer);
      if (client.isReady) await client.del(aliveKey(self)).catch(() => undefined);
    },
  };
}
