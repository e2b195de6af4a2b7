import type { DatabaseSync } from 'node:sqlite';
import * as z from 'zod/mini';
import { ChatLine } from '../../protocol/chat.ts';
import { Followers } from './followers.ts';
import { newEpoch } from './memory.ts';
import { explainRecord } from './store-error.ts';
import type { ChatLogs } from './types.ts';

/** One row of chat_rows: the lines one commit wrote, each with its room. */
const RowLines = z.array(z.tuple([z.string(), ChatLine]));

/**
 * When the lines on disk that are no longer kept outnumber the kept ones by this much, each
 * commit also moves the kept lines of the oldest row forward, so the file stays bounded even
 * when an idle room's few lines pin rows that are otherwise dead.
 */
const DEAD_LINES_SLACK = 1024;

/** A row of the file as memory tracks it: its lines, and how many of them are still kept. */
interface Row {
  n: number;
  lines: Kept[];
  live: number;
}

/** A line some room keeps (bounded by --chat-history), and the row that has it on disk. */
interface Kept {
  room: string;
  line: ChatLine;
  row: Row;
  dropped: boolean;
}

/** A room's log: its kept lines, in seq order. */
interface RoomLog {
  epoch: string;
  /** The newest seq handed out; `committed` the newest one on disk. */
  seq: number;
  committed: number;
  kept: Kept[];
}

/** A line with its seq taken, waiting for the commit that makes it durable. */
interface Unwritten {
  log: RoomLog;
  room: string;
  line: ChatLine;
  frame: string;
  done: (line: ChatLine) => void;
  failed: (error: unknown) => void;
}

/** `[[room, line], …]`: the frames are JSON already, so they are joined, not encoded again. */
const rowText = (entries: [room: string, frame: string][]) => `[${entries.map(([room, frame]) => `[${JSON.stringify(room)},${frame}]`).join(',')}]`;

/**
 * Chat logs in the embedded file. The file is the durable copy; the kept lines of every room are
 * also in memory, read once at start-up, so `?since=` replays never read the file.
 * Group commit: the lines said in one tick get their seqs at once and are written by a single
 * transaction when the tick ends; only then are they delivered and acknowledged, so whatever a
 * client saw is on disk, and a burst costs one commit, not one per message.
 * A commit writes its lines as **one row** (a JSON array), not a row per line: SQLite's work per
 * row (encoding, the B-tree insert, later the delete) was all of the extra CPU a durable line
 * cost over memory (measured: with the per-line statements left out, embedded ran at memory's
 * cost). A row is deleted once none of its lines is kept.
 */
export function sqliteChatLogs(db: DatabaseSync, limit: number, fail: (error: unknown) => never): ChatLogs & { flush(): void } {
  const insert = db.prepare('INSERT INTO chat_rows (n, lines) VALUES (?, ?)');
  const drop = db.prepare('DELETE FROM chat_rows WHERE n = ?');
  const create = db.prepare('INSERT INTO chat_rooms (room, epoch, seq) VALUES (?, ?, 0)');
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  const followers = new Followers();
  const logs = new Map<string, RoomLog>();
  /** The file's rows, oldest first (a Map iterates in the order rows were added). */
  const rows = new Map<number, Row>();
  /** Lines in the file's rows, and how many of those are kept: the rest is garbage. */
  let onDisk = 0;
  let live = 0;
  /** Rows none of whose lines is kept: the next commit deletes them. */
  let emptied: Row[] = [];
  let unwritten: Unwritten[] = [];
  let nextN = 1;

  const addTo = (row: Row, kept: Kept) => {
    row.lines.push(kept);
    row.live++;
    onDisk++;
    live++;
  };
  const keep = (log: RoomLog, kept: Kept) => {
    log.kept.push(kept);
    if (log.kept.length <= limit) return;
    const old = log.kept.shift()!;
    old.dropped = true;
    live--;
    if (--old.row.live === 0) emptied.push(old.row);
  };
  const forget = (row: Row) => {
    rows.delete(row.n);
    onDisk -= row.lines.length;
  };

  // chat_rooms.seq is the head files written before lines carried it alone; the newest line wins.
  for (const { room, epoch, seq } of db.prepare('SELECT room, epoch, seq FROM chat_rooms').all() as { room: string; epoch: string; seq: number }[]) {
    logs.set(room, { epoch, seq, committed: seq, kept: [] });
  }
  const read = new Map<RoomLog, Kept[]>();
  for (const { n, lines } of db.prepare('SELECT n, lines FROM chat_rows ORDER BY n').iterate() as Iterable<{ n: number; lines: string }>) {
    let json: unknown;
    try {
      json = JSON.parse(lines);
    } catch {
      fail(`row ${n} of chat_rows is not JSON`);
    }
    const parsed = RowLines.safeParse(json);
    if (!parsed.success) fail(`row ${n} of chat_rows: ${explainRecord(parsed.error.issues)}`);
    const row: Row = { n, lines: [], live: 0 };
    rows.set(n, row);
    nextN = n + 1;
    for (const [room, line] of parsed.data!) {
      const log = logs.get(room) ?? fail(`row ${n} has a line of room ${room}, which the file does not list`);
      const kept: Kept = { room, line, row, dropped: false };
      addTo(row, kept);
      let lines = read.get(log);
      if (!lines) read.set(log, (lines = []));
      lines.push(kept);
    }
  }
  // A row moved forward holds older lines than the rows before it: each room is put in seq order.
  for (const [log, lines] of read) {
    for (const kept of lines.sort((a, b) => a.line.seq - b.line.seq)) {
      log.seq = log.committed = Math.max(log.committed, kept.line.seq);
      keep(log, kept);
    }
  }

  const logOf = (room: string) => {
    let log = logs.get(room);
    if (!log) {
      log = { epoch: newEpoch(), seq: 0, committed: 0, kept: [] };
      create.run(room, log.epoch);
      logs.set(room, log);
    }
    return log;
  };

  /** The oldest row with kept lines, once the garbage on disk is past its bound. */
  const rowToMove = (): Row | null => {
    if (onDisk - live <= live + DEAD_LINES_SLACK) return null;
    for (const row of rows.values()) if (row.live > 0) return row;
    return null;
  };

  function flush(): void {
    const batch = unwritten;
    if (batch.length === 0) return;
    unwritten = [];
    const dropped = emptied;
    emptied = [];
    const moved = rowToMove();
    const carried = moved ? moved.lines.filter((kept) => !kept.dropped) : [];
    const n = nextN++;
    try {
      begin.run();
      for (const row of dropped) drop.run(row.n);
      if (moved) drop.run(moved.n);
      insert.run(n, rowText([...carried.map((kept): [string, string] => [kept.room, JSON.stringify(kept.line)]), ...batch.map(({ room, frame }): [string, string] => [room, frame])]));
      commit.run();
    } catch (error) {
      if (db.isTransaction) rollback.run();
      // The seqs were not kept: take them back, so the next line reuses them and none is skipped.
      for (const { log } of batch) log.seq = log.committed;
      emptied = dropped.concat(emptied);
      for (const entry of batch) entry.failed(error);
      return;
    }
    dropped.forEach(forget);
    const row: Row = { n, lines: [], live: 0 };
    rows.set(n, row);
    if (moved) {
      forget(moved);
      for (const kept of carried) {
        kept.row = row;
        row.lines.push(kept);
        row.live++;
        onDisk++;
      }
    }
    for (const { log, room, line, frame, done } of batch) {
      log.committed = line.seq;
      const kept: Kept = { room, line, row, dropped: false };
      addTo(row, kept);
      keep(log, kept);
      followers.line(room, frame, line.seq);
      done(line);
    }
  }

  return {
    flush,
    append(room, from, text) {
      const log = logOf(room);
      const line: ChatLine = { type: 'message', seq: ++log.seq, from: { id: from.id, name: from.name }, text, at: Date.now() };
      if (unwritten.length === 0) setImmediate(flush);
      return new Promise((done, failed) => unwritten.push({ log, room, line, frame: JSON.stringify(line), done, failed }));
    },
    async read(room, since) {
      // Lines still waiting for their commit are written first, so the history is never behind the head.
      flush();
      const { epoch, committed: latestSeq, kept } = logOf(room);
      if (since === null || since >= latestSeq) return { epoch, latestSeq, lines: [], truncated: false };
      const lines = kept.filter(({ line }) => line.seq > since).map(({ line }) => line);
      const first = lines[0]?.seq ?? latestSeq + 1;
      return { epoch, latestSeq, lines, truncated: since + 1 < first };
    },
    follow: (room, follower) => followers.add(room, follower),
    // Its newest lines stay for whoever comes back (bounded by --chat-history per room).
    idle: () => undefined,
  };
}
