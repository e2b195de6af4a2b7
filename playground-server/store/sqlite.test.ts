import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openSqliteStore } from './sqlite.ts';

test('a state file of schema 1 (chat lines keyed by room and seq) is moved to schema 2 with every line and seq kept', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'duplex-sqlite-v1-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // The file exactly as the previous release wrote it.
  const old = new DatabaseSync(join(dir, 'duplex.sqlite'));
  old.exec(`PRAGMA journal_mode = WAL;
    CREATE TABLE chat_rooms (room TEXT PRIMARY KEY, epoch TEXT NOT NULL, seq INTEGER NOT NULL);
    CREATE TABLE chat_lines (room TEXT NOT NULL, seq INTEGER NOT NULL, line TEXT NOT NULL, PRIMARY KEY (room, seq)) WITHOUT ROWID;
    CREATE TABLE workshop_rooms (code TEXT PRIMARY KEY, snapshot TEXT NOT NULL, upto INTEGER NOT NULL);
    CREATE TABLE workshop_events (code TEXT NOT NULL, n INTEGER NOT NULL, event TEXT NOT NULL, PRIMARY KEY (code, n)) WITHOUT ROWID;
    INSERT INTO chat_rooms VALUES ('lobby', 'old-epoch', 0);
    PRAGMA user_version = 1;`);
  const insert = old.prepare('INSERT INTO chat_lines VALUES (?, ?, ?)');
  const lines = [1, 2, 3].map((seq) => ({ type: 'message' as const, seq, from: { id: 'u1', name: 'ann' }, text: `line ${seq}`, at: 1000 + seq }));
  for (const line of lines) insert.run('lobby', line.seq, JSON.stringify(line));
  old.close();

  const store = openSqliteStore(dir, 100);
  try {
    assert.deepEqual(await store.chat.read('lobby', 1), { epoch: 'old-epoch', latestSeq: 3, lines: lines.slice(1), truncated: false });
    assert.equal((await store.chat.append('lobby', { id: 'u2', name: 'bob' }, 'after')).seq, 4);
  } finally {
    await store.close();
  }
  const reread = new DatabaseSync(join(dir, 'duplex.sqlite'), { readOnly: true });
  assert.equal((reread.prepare('PRAGMA user_version').get() as { user_version: number }).user_version, 2);
  reread.close();
});
