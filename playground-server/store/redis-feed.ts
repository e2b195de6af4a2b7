import { FeedEvent } from '../../protocol/feed.ts';
import { FeedCache, feedOver, KEEP, nextPrice, priceOf, quote, type EventFeed } from '../feed.ts';
import type { RedisClient } from './redis-chat.ts';

const LEADER = 'duplex:feed:leader';
const SEQ = 'duplex:feed:seq';
const LOG = 'duplex:feed:log';
const CHANNEL = 'duplex:feed';

/**
 * One tick of the shared feed, run by every instance: only the leader (whoever holds the lease,
 * or takes it once its holder stopped renewing) publishes. The seq never goes below what the
 * leader already saw, so a Redis that restarted empty does not number events again from 1.
 */
const TICK = `
local leader = redis.call('GET', KEYS[1])
if leader and leader ~= ARGV[1] then return false end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
local seq = redis.call('INCR', KEYS[2])
if seq <= tonumber(ARGV[3]) then
  seq = tonumber(ARGV[3]) + 1
  redis.call('SET', KEYS[2], seq)
end
local event = '{"seq":' .. seq .. ',"at":' .. ARGV[4] .. ',"data":' .. cjson.encode(ARGV[5]) .. '}'
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[6], seq .. '-0', 'e', event)
redis.call('PUBLISH', ARGV[7], event)
return seq`;

const parse = (text: string): FeedEvent | null => {
  try {
    const parsed = FeedEvent.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

/**
 * The event feed shared by every instance on one Redis: the leader's events go into a Stream
 * (entry id = seq) and out on a channel; each instance keeps the newest in its own cache, so the
 * transports read it as they read the memory feed. A gap (a missed publish, a reconnect) is
 * filled from the Stream, so each instance sees every event once, in seq order. While Redis is
 * unreachable an instance makes its own events (its clients keep getting a feed, not a shared one).
 */
export async function redisFeed(client: RedisClient, subscriber: RedisClient, self: string, intervalMs: number): Promise<EventFeed> {
  const cache = new FeedCache();
  /** Events are taken one after the other: a gap fill finishes before the next event is looked at. */
  let queue = Promise.resolve();
  const take = (event: FeedEvent) => {
    queue = queue.then(async () => {
      if (event.seq <= cache.latestSeq) return;
      if (cache.latestSeq > 0 && event.seq > cache.latestSeq + 1) await fill(`${event.seq - 1}-0`);
      if (event.seq > cache.latestSeq) cache.add(event);
    });
  };
  /** Reads the events after the cache's newest, up to the Stream id `end`, from the Stream. */
  const fill = async (end: string) => {
    const entries = await client.xRange(LOG, `${cache.latestSeq + 1}-0`, end).catch(() => []);
    for (const entry of entries ?? []) {
      const event = parse(String(entry.message.e));
      if (event && event.seq > cache.latestSeq) cache.add(event);
    }
  };
  // What was said before this instance started: `?since=` works from the first request.
  await fill('+');
  await subscriber.subscribe(CHANNEL, (text: string) => {
    const event = parse(text);
    if (event) take(event);
  });
  // Back from an outage: what was published meanwhile is in the Stream.
  subscriber.on('ready', () => {
    queue = queue.then(() => fill('+'));
  });
  const timer = setInterval(() => {
    const at = Date.now();
    const data = quote(nextPrice(priceOf(cache.events.at(-1))));
    const lease = String(Math.max(3 * intervalMs, 1000));
    client.eval(TICK, { keys: [LEADER, SEQ, LOG], arguments: [self, lease, String(cache.latestSeq), String(at), data, String(KEEP), CHANNEL] }).catch(() => {
      // Degraded: this instance's clients get its own events until Redis is back.
      cache.add({ seq: cache.latestSeq + 1, at, data });
    });
  }, intervalMs);
  return feedOver(cache, timer);
}
