import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { storeConformance } from './conformance.ts';
import { memoryStore } from './memory.ts';
import { openSqliteStore } from './sqlite.ts';

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
