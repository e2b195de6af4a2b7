import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config.ts';
import { memoryStore } from './memory.ts';
import { openSqliteStore } from './sqlite.ts';
import type { Store } from './types.ts';

/** The store the configuration asks for: memory (`--ephemeral`), Redis (`--redis`) or embedded (the default). */
export async function openStore(config: Config): Promise<Store> {
  if (config.ephemeral) return memoryStore(config.chatHistory);
  if (config.redisUrl) {
    // Loaded only when asked for: a single instance never loads the Redis client.
    const { openRedisStore } = await import('./redis.ts');
    // Port 0 is a new port each start: such an instance cannot get its workshop rooms back anyway.
    const owner = config.port === 0 ? `${hostname()}:${randomUUID()}` : `${hostname()}:${config.port}`;
    return openRedisStore(config.redisUrl, config.chatHistory, owner);
  }
  return openSqliteStore(config.stateDir, config.chatHistory);
}
