import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openSqliteStore } from './sqlite.ts';

test('a state file of schema 1 (chat lines keyed by room and seq) is moved to schema 3 with every line and seq kept', async (t) => {
  const dir = stateDir(t, 'duplex-sqlite-v1-');
  const old = olderFile(dir, 1, 'CREATE TABLE chat_lines (room TEXT NOT NULL, seq INTEGER NOT NULL, line TEXT NOT NULL, PRIMARY KEY (room, seq)) WITHOUT ROWID', "('lobby', 'old-epoch', 0)");
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
  assert.equal(userVersion(dir), 3);
});

test('a state file of schema 2 (a row per chat line) is moved to schema 3 with every line and seq kept', async (t) => {
  const dir = stateDir(t, 'duplex-sqlite-v2-');
  const old = olderFile(dir, 2, 'CREATE TABLE chat_lines (n INTEGER PRIMARY KEY, room TEXT NOT NULL, seq INTEGER NOT NULL, line TEXT NOT NULL)', "('lobby', 'e-lobby', 0), ('kitchen', 'e-kitchen', 0)");
  const insert = old.prepare('INSERT INTO chat_lines (room, seq, line) VALUES (?, ?, ?)');
  const said = (room: string, seq: number) => ({ type: 'message' as const, seq, from: { id: 'u1', name: 'ann' }, text: `${room} "${seq}"`, at: 1000 + seq });
  for (const seq of [1, 2, 3]) for (const room of ['lobby', 'kitchen']) insert.run(room, seq, JSON.stringify(said(room, seq)));
  old.close();

  const store = openSqliteStore(dir, 100);
  try {
    assert.deepEqual(await store.chat.read('lobby', 0), { epoch: 'e-lobby', latestSeq: 3, lines: [1, 2, 3].map((seq) => said('lobby', seq)), truncated: false });
    assert.deepEqual((await store.chat.read('kitchen', 2)).lines, [said('kitchen', 3)]);
    assert.equal((await store.chat.append('kitchen', { id: 'u2', name: 'bob' }, 'after')).seq, 4);
  } finally {
    await store.close();
  }
  assert.equal(userVersion(dir), 3);
});

test('the file stays bounded while a busy room talks, and an idle room keeps its lines through it and a restart', async (t) => {
  const dir = stateDir(t, 'duplex-sqlite-bound-');
  const limit = 20;
  const ann = { id: 'u1', name: 'ann' };
  let store = openSqliteStore(dir, limit);
  // Each idle line shares its row with 100 busy ones, which soon are all past the bound: without
  // moving the idle lines on, those 20 rows (2,020 lines) would stay in the file for good.
  const busyBurst = (size: number) => Array.from({ length: size }, () => store.chat.append('busy', ann, 'hello'));
  for (let seq = 1; seq <= limit; seq++) await Promise.all([store.chat.append('idle', ann, `idle ${seq}`), ...busyBurst(100)]);
  for (let burst = 0; burst < 400; burst++) await Promise.all(busyBurst(25));
  await store.close();
  // Kept: 2 × 20 lines. Garbage is bounded by the kept lines plus 1,024 and one commit's worth.
  assert.ok(linesOnDisk(dir) <= 2 * (2 * limit) + 1024 + 25, `${linesOnDisk(dir)} lines on disk`);

  store = openSqliteStore(dir, limit);
  try {
    const idle = await store.chat.read('idle', 0);
    assert.deepEqual(idle.lines.map((line) => line.text), Array.from({ length: limit }, (_, i) => `idle ${i + 1}`));
    const busy = await store.chat.read('busy', 0);
    assert.equal(busy.latestSeq, limit * 100 + 400 * 25);
    assert.deepEqual(busy.lines.map((line) => line.seq), Array.from({ length: limit }, (_, i) => busy.latestSeq - limit + 1 + i));
    assert.equal((await store.chat.append('idle', ann, 'back')).seq, limit + 1);
  } finally {
    await store.close();
  }
});

test('a chat row that is not what Duplex writes stops start-up naming the row', async (t) => {
  const dir = stateDir(t, 'duplex-sqlite-row-');
  const store = openSqliteStore(dir, 10);
  await store.chat.append('lobby', { id: 'u1', name: 'ann' }, 'hi');
  await store.close();
  const db = new DatabaseSync(join(dir, 'duplex.sqlite'));
  db.exec(`UPDATE chat_rows SET lines = '[["lobby", {"type": "message", "seq": "one"}]]'`);
  db.close();
  assert.throws(() => openSqliteStore(dir, 10), /cannot read chat history: row 1 of chat_rows: .*seq.*duplex\.sqlite/);
});

function stateDir(t: TestContext, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A state file exactly as an earlier release wrote it: its chat_lines table and its rooms. */
function olderFile(dir: string, version: number, chatLines: string, rooms: string): DatabaseSync {
  const db = new DatabaseSync(join(dir, 'duplex.sqlite'));
  db.exec(`PRAGMA journal_mode = WAL;
    CREATE TABLE chat_rooms (room TEXT PRIMARY KEY, epoch TEXT NOT NULL, seq INTEGER NOT NULL);
    ${chatLines};
    CREATE TABLE workshop_rooms (code TEXT PRIMARY KEY, snapshot TEXT NOT NULL, upto INTEGER NOT NULL);
    CREATE TABLE workshop_events (code TEXT NOT NULL, n INTEGER NOT NULL, event TEXT NOT NULL, PRIMARY KEY (code, n)) WITHOUT ROWID;
    INSERT INTO chat_rooms VALUES ${rooms};
    PRAGMA user_version = ${version};`);
  return db;
}

function userVersion(dir: string): number {
  const db = new DatabaseSync(join(dir, 'duplex.sqlite'), { readOnly: true });
  try {
    return (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  } finally {
    db.close();
  }
}

function linesOnDisk(dir: string): number {
  const db = new DatabaseSync(join(dir, 'duplex.sqlite'), { readOnly: true });
  try {
    return (db.prepare('SELECT coalesce(sum(json_array_length(lines)), 0) AS n FROM chat_rows').get() as { n: number }).n;
  } finally {
    db.close();
  }
}
