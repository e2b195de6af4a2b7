import type { Config } from '../config.ts';
import { memoryStore } from './memory.ts';
import { openSqliteStore } from './sqlite.ts';
import type { Store } from './types.ts';

/** The store the configuration asks for: memory (`--ephemeral`) or embedded (the default). */
export async function openStore(config: Config): Promise<Store> {
  if (config.ephemeral) return memoryStore(config.chatHistory);
  return openSqliteStore(config.stateDir, config.chatHistory);
}
