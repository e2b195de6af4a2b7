import { randomBytes } from 'node:crypto';
import type { RoomEvent } from '../workshop/record.ts';
import type { RedisClient } from './redis-chat.ts';

export const ROOMS = 'duplex:workshop:rooms';
export const eventsKey = (code: string) => `duplex:workshop:${code}:events`;
export const ownerKey = (code: string) => `duplex:workshop:${code}:owner`;
/**
 * The fencing token of the room's owner: a fresh random one on every claim (creation, start-up,
 * takeover). Every write an owner makes carries the token it claimed with and is refused unless
 * it is still the room's, so an owner that stalled past its lease and was replaced cannot write
 * into the room's log: equality with a token nobody else ever gets is the fence.
 */
export const fenceKey = (code: string) => `duplex:workshop:${code}:fence`;
/** An ended room's fence stays this long as a tombstone, so a stale owner of it is refused too. */
const TOMBSTONE_MS = 24 * 3600_000;

/**
 * A claim with a fresh token. `new`: a new code, refused if any instance has a room under it
 * (kept or live). `kept`: at start-up, a kept room is ours again if nobody else owns it.
 * KEYS owner, fence, rooms; ARGV self, token, code, mode.
 */
const CLAIM = `
if ARGV[4] == 'new' then
  if redis.call('EXISTS', KEYS[1]) == 1 or redis.call('SISMEMBER', KEYS[3], ARGV[3]) == 1 then return 0 end
else
  local owner = redis.call('GET', KEYS[1])
  if owner and owner ~= ARGV[1] then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], ARGV[2])
return 1`;

/**
 * One event, written only under the writer's token. A fence that is missing altogether means
 * the Redis restarted empty: the writer fences the room again (nobody else holds it).
 * KEYS fence, events, rooms; ARGV token, event, created?, code.
 */
const APPEND = `
local fence = redis.call('GET', KEYS[1])
if fence and fence ~= ARGV[1] then return 0 end
if not fence then redis.call('SET', KEYS[1], ARGV[1]) end
if ARGV[3] == '1' then
  redis.call('DEL', KEYS[2])
  redis.call('SADD', KEYS[3], ARGV[4])
end
redis.call('XADD', KEYS[2], '*', 'e', ARGV[2])
return 1`;

/** KEYS fence, owner, events, rooms; ARGV token, code, tombstone ms. */
const REMOVE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SREM', KEYS[4], ARGV[2])
redis.call('DEL', KEYS[2], KEYS[3])
redis.call('SET', KEYS[1], 'ended', 'PX', ARGV[3])
return 1`;

/**
 * The workshop rooms this instance owns, each with the token it claimed it with; every write
 * to a room's log goes through here. A refused write, or a token found changed at a heartbeat,
 * means another instance took the room over (this one stalled past its lease): the room is
 * dropped from here and `onLost` tells the room to send its clients to the new owner.
 */
export class RoomOwnership {
  readonly self: string;
  readonly #client: RedisClient;
  readonly #onError: (error: unknown) => void;
  readonly #held = new Map<string, string>();
  #lost: (code: string) => void = () => undefined;

  constructor(client: RedisClient, self: string, onError: (error: unknown) => void) {
    this.#client = client;
    this.self = self;
    this.#onError = onError;
  }

  static newToken(): string {
    return randomBytes(12).toString('base64url');
  }

  /** Claimed elsewhere (the takeover script): this instance writes with `token` from now on. */
  hold(code: string, token: string): void {
    this.#held.set(code, token);
  }

  /** True if the code was free on every instance; it is then this one's. */
  reserve(code: string): Promise<boolean> {
    return this.#claim(code, 'new');
  }

  /** True if the kept room is this instance's again (nobody else took it). */
  claim(code: string): Promise<boolean> {
    return this.#claim(code, 'kept');
  }

  async #claim(code: string, mode: 'new' | 'kept'): Promise<boolean> {
    const token = RoomOwnership.newToken();
    const ours = (await this.#client.eval(CLAIM, { keys: [ownerKey(code), fenceKey(code), ROOMS], arguments: [this.self, token, code, mode] })) === 1;
    if (ours) this.#held.set(code, token);
    return ours;
  }

  /** Not awaited by the room (it has decided already); a room this instance no longer holds writes nothing. */
  append(code: string, event: RoomEvent): void {
    const token = this.#held.get(code);
    if (!token) return;
    const args = [token, JSON.stringify(event), event.type === 'created' ? '1' : '0', code];
    this.#client.eval(APPEND, { keys: [fenceKey(code), eventsKey(code), ROOMS], arguments: args }).then((written) => {
      if (written === 0) this.#lose(code, token);
    }, this.#onError);
  }

  remove(code: string): void {
    const token = this.#held.get(code);
    if (!token) return;
    this.#held.delete(code);
    this.#client.eval(REMOVE, { keys: [fenceKey(code), ownerKey(code), eventsKey(code), ROOMS], arguments: [token, code, String(TOMBSTONE_MS)] }).catch(this.#onError);
  }

  onLost(handler: (code: string) => void): void {
    this.#lost = handler;
  }

  /** At every heartbeat: a room whose fence holds another token was taken over while this instance was silent. */
  async verify(): Promise<void> {
    const held = [...this.#held];
    if (held.length === 0) return;
    const fences = await this.#client.mGet(held.map(([code]) => fenceKey(code)));
    held.forEach(([code, token], i) => {
      const fence = fences[i];
      if (fence !== null && fence !== undefined && fence !== token) this.#lose(code, token);
    });
  }

  #lose(code: string, token: string): void {
    // Only the claim that was refused: a newer claim of the same code stays.
    if (this.#held.get(code) !== token) return;
    this.#held.delete(code);
    this.#lost(code);
  }
}
