import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { storeConformance } from './conformance.ts';
import { memoryStore } from './memory.ts';
import { openSqliteStore } from './sqlite.ts';
import { openRedisStore } from './redis.ts';
import { startRedis } from '../redis-support.ts';

storeConformance('memory', { open: async (limit) => memoryStore(limit) });

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
let current = '';
storeConformance('embedded', {
  async open(limit) {
    current = mkdtempSync(join(tmpdir(), 'duplex-conformance-'));
    dirs.push(current);
    return openSqliteStore(current, limit);
  },
  reopen: async (limit) => openSqliteStore(current, limit),
});

const redis = await startRedis();
after(() => redis.stop());
let db = 0;
/** Each Redis test gets an empty database of the same server, as a fresh store would. */
storeConformance('redis', {
  open: (limit) => openRedisStore(`${redis.url}/${++db}`, limit, 'conformance'),
  reopen: (limit) => openRedisStore(`${redis.url}/${db}`, limit, 'conformance'),
  peer: (limit) => openRedisStore(`${redis.url}/${db}`, limit, 'conformance-peer'),
});
