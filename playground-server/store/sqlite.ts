import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type * as z from 'zod/mini';
import { memoryRooms } from '../rooms.ts';
import { memoryFeed } from '../feed.ts';
import { applyRoomEvent, newRoomRecord, RoomEvent, RoomRecord } from '../workshop/record.ts';
import { explainRecord, StoreError } from './store-error.ts';
import { sqliteChatLogs } from './sqlite-chat.ts';
import { singleInstanceRooms } from './memory.ts';
import type { Store, WorkshopStore } from './types.ts';

/** Bumped when the tables change shape; an unknown version is refused, never guessed at. */
const SCHEMA_VERSION = 3;
/** A room's events are folded into its snapshot this often, so a restart replays few of them. */
const COMPACT_EVERY = 256;

/*
 * chat_rows holds one row per commit, appended in order, with no index: the kept lines are read
 * once at start-up (sqlite-chat.ts keeps them in memory), so a commit adds one row at the end.
 * Keyed by (room, seq) (schema 1), every room's newest line sat on its own page; a row per line
 * (schema 2) still cost SQLite's per-row work for every line said.
 */
const schema = `
  CREATE TABLE IF NOT EXISTS chat_rooms (room TEXT PRIMARY KEY, epoch TEXT NOT NULL, seq INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS chat_rows (n INTEGER PRIMARY KEY, lines TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS workshop_rooms (code TEXT PRIMARY KEY, snapshot TEXT NOT NULL, upto INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS workshop_events (code TEXT NOT NULL, n INTEGER NOT NULL, event TEXT NOT NULL, PRIMARY KEY (code, n)) WITHOUT ROWID;
`;
/** Each migration runs in one transaction (all or nothing) and leaves the next version behind. */
const migrations: Record<number, string> = {
  // Schema 1 to 2: the chat lines move to a table appended in the order they were said.
  1: `
    BEGIN IMMEDIATE;
    ALTER TABLE chat_lines RENAME TO chat_lines_v1;
    CREATE TABLE chat_lines (n INTEGER PRIMARY KEY, room TEXT NOT NULL, seq INTEGER NOT NULL, line TEXT NOT NULL);
    INSERT INTO chat_lines (room, seq, line) SELECT room, seq, line FROM chat_lines_v1 ORDER BY room, seq;
    DROP TABLE chat_lines_v1;
    PRAGMA user_version = 2;
    COMMIT;`,
  // Schema 2 to 3: every kept line goes into one row of [room, line] pairs.
  2: `
    BEGIN IMMEDIATE;
    CREATE TABLE chat_rows (n INTEGER PRIMARY KEY, lines TEXT NOT NULL);
    INSERT INTO chat_rows (n, lines)
      SELECT 1, json_group_array(json_array(room, json(line))) FROM (SELECT room, line FROM chat_lines ORDER BY n) HAVING count(*) > 0;
    DROP TABLE chat_lines;
    PRAGMA user_version = 3;
    COMMIT;`,
};

/**
 * The embedded store (the default): one SQLite file in the state directory, through Node's
 * built-in `node:sqlite` (no native build, no service). WAL with synchronous=NORMAL: a commit
 * is in the file before the call returns, so `kill -9` loses nothing; only a power cut may
 * lose the last moments. Everything read back is validated with the shared schemas.
 */
export function openSqliteStore(stateDir: string, historyLimit: number): Store {
  const file = join(stateDir, 'duplex.sqlite');
  const fail = (what: string, error: unknown): never => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreError(file, `${what}: ${reason}`);
  };
  let db: DatabaseSync;
  try {
    mkdirSync(stateDir, { recursive: true });
    db = new DatabaseSync(file);
    // One process owns the file: exclusive locking holds the write lock from the transaction
    // below until the process ends (even by kill -9: the OS drops the lock). A second server on
    // the same --state-dir waits up to busy_timeout (a predecessor may be shutting down), then stops.
    // Held for good, the lock also spares every commit the syscalls of taking and dropping it.
    db.exec('PRAGMA locking_mode = EXCLUSIVE; PRAGMA busy_timeout = 2000; BEGIN IMMEDIATE; COMMIT;');
    const version = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
    if (version > SCHEMA_VERSION) throw new Error(`it was written by a newer Duplex (schema ${version}, this one reads ${SCHEMA_VERSION})`);
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
    for (let from = version || SCHEMA_VERSION; from < SCHEMA_VERSION; from++) db.exec(migrations[from]!);
    db.exec(`${schema} PRAGMA user_version = ${SCHEMA_VERSION};`);
  } catch (error) {
    if (isBusy(error)) throw new StoreError(file, 'another Duplex server is using this state file', 'Stop it, or give this server its own --state-dir / DUPLEX_STATE_DIR (or --ephemeral).');
    return fail('cannot open the state file', error);
  }
  let healthy = true;
  /** A failed write (disk full, file removed) degrades the store; the server keeps serving. */
  const guard = <T>(write: () => T, otherwise: T): T => {
    try {
      return write();
    } catch (error) {
      if (healthy) console.error(`duplex server: cannot write the state file ${file}: ${(error as Error).message}; continuing without it`);
      healthy = false;
      return otherwise;
    }
  };
  const chat = sqliteChatLogs(db, historyLimit, (error) => fail('cannot read chat history', error));
  return {
    kind: 'embedded',
    chat,
    workshop: sqliteWorkshopStore(db, guard, (error) => fail('cannot read workshop rooms', error)),
    // One process owns the file and every room in it.
    relay: null,
    presence: null,
    feed: async (intervalMs) => memoryFeed(intervalMs),
    // One process owns the file, so what may be lost stays in this process.
    rooms: (_name, deliver) => memoryRooms(deliver),
    get healthy() {
      return healthy;
    },
    async close() {
      if (!db.isOpen) return;
      guard(() => chat.flush(), undefined);
      db.close();
    },
  };
}

function sqliteWorkshopStore(db: DatabaseSync, guard: <T>(write: () => T, otherwise: T) => T, fail: (error: unknown) => never): WorkshopStore {
  const snapshot = db.prepare('INSERT INTO workshop_rooms (code, snapshot, upto) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE SET snapshot = excluded.snapshot, upto = excluded.upto');
  const insert = db.prepare('INSERT INTO workshop_events (code, n, event) VALUES (?, ?, ?)');
  const dropEvents = db.prepare('DELETE FROM workshop_events WHERE code = ? AND n <= ?');
  const dropRoom = db.prepare('DELETE FROM workshop_rooms WHERE code = ?');
  const allRooms = db.prepare('SELECT code, snapshot, upto FROM workshop_rooms');
  const eventsOf = db.prepare('SELECT n, event FROM workshop_events WHERE code = ? AND n > ? ORDER BY n');
  /** Each room as its events left it, and the number of its last event: what compaction writes. */
  const live = new Map<string, { record: RoomRecord; n: number }>();

  const writeSnapshot = (code: string, room: { record: RoomRecord; n: number }) => {
    snapshot.run(code, JSON.stringify(room.record), room.n);
    dropEvents.run(code, room.n);
  };
  const parse = <T>(schema: z.ZodMiniType<T>, text: string, what: string): T => {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fail(`${what}: ${explainRecord(parsed.error.issues)}`);
  };
  return {
    async load() {
      try {
        for (const row of allRooms.all() as { code: string; snapshot: string; upto: number }[]) {
          const room = { record: parse(RoomRecord, row.snapshot, `room ${row.code}`), n: row.upto };
          for (const { n, event } of eventsOf.all(row.code, row.upto) as { n: number; event: string }[]) {
            room.record = applyRoomEvent(room.record, parse(RoomEvent, event, `room ${row.code} event ${n}`));
            room.n = n;
          }
          live.set(row.code, room);
        }
      } catch (error) {
        return fail(error);
      }
      return [...live.values()].map((room) => structuredClone(room.record));
    },
    append(code, event) {
      let room = live.get(code);
      if (!room || event.type === 'created') live.set(code, (room = { record: newRoomRecord(code, ''), n: 0 }));
      room.record = applyRoomEvent(room.record, event);
      room.n++;
      const kept = room;
      guard(() => {
        // A code used again starts from nothing: the old room's events must not replay into it.
        if (event.type === 'created') dropEvents.run(code, Number.MAX_SAFE_INTEGER);
        if (event.type === 'created' || kept.n % COMPACT_EVERY === 0) writeSnapshot(code, kept);
        else insert.run(code, kept.n, JSON.stringify(event));
      }, undefined);
    },
    remove(code) {
      live.delete(code);
      guard(() => {
        dropRoom.run(code);
        dropEvents.run(code, Number.MAX_SAFE_INTEGER);
      }, undefined);
    },
    // The file is locked by this process (EXCLUSIVE): no other instance hands out its codes.
    ...singleInstanceRooms,
  };
}

/** SQLITE_BUSY: another connection holds the lock. */
const isBusy = (error: unknown) => typeof error === 'object' && error !== null && 'errcode' in error && error.errcode === 5;
