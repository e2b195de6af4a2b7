import type { DatabaseSync } from 'node:sqlite';
import { ChatLine } from '../../protocol/chat.ts';
import { Followers } from './followers.ts';
import { newEpoch } from './memory.ts';
import { explainRecord } from './store-error.ts';
import type { ChatLogs } from './types.ts';

/** A room's log: its kept lines (each with its row number `n`), in memory as the file has them. */
interface RoomLog {
  epoch: string;
  /** The newest seq handed out; `committed` the newest one on disk. */
  seq: number;
  committed: number;
  kept: { line: ChatLine; n: number }[];
}

/** A line with its seq taken, waiting for the commit that makes it durable. */
interface Unwritten {
  log: RoomLog;
  room: string;
  line: ChatLine;
  n: number;
  frame: string;
  done: (line: ChatLine) => void;
  failed: (error: unknown) => void;
}

/**
 * Chat logs in the embedded file. The file is the durable copy; the kept lines of every room are
 * also in memory, read once at start-up, so `?since=` replays never read the file and the table
 * needs no index: a line costs one INSERT at the end of the table (one page rewritten), and the
 * line it pushes past the bound one DELETE by row number, in the next commit. (An index by room
 * rewrote one scattered page per room in every commit: most of a line's cost.)
 * Group commit: the lines said in one tick get their seqs at once and are written by a single
 * transaction when the tick ends; only then are they delivered and acknowledged, so whatever a
 * client saw is on disk, and a burst costs one commit, not one per message.
 */
export function sqliteChatLogs(db: DatabaseSync, limit: number, fail: (error: unknown) => never): ChatLogs & { flush(): void } {
  const insert = db.prepare('INSERT INTO chat_lines (n, room, seq, line) VALUES (?, ?, ?, ?)');
  const drop = db.prepare('DELETE FROM chat_lines WHERE n = ?');
  const create = db.prepare('INSERT INTO chat_rooms (room, epoch, seq) VALUES (?, ?, 0)');
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  const followers = new Followers();
  const logs = new Map<string, RoomLog>();
  /** Rows past their room's bound, deleted by the next commit. */
  let pastBound: number[] = [];
  let unwritten: Unwritten[] = [];

  const keep = (log: RoomLog, line: ChatLine, n: number) => {
    log.kept.push({ line, n });
    if (log.kept.length > limit) pastBound.push(log.kept.shift()!.n);
  };
  // chat_rooms.seq is the head files written before lines carried it alone; the newest line wins.
  for (const { room, epoch, seq } of db.prepare('SELECT room, epoch, seq FROM chat_rooms').all() as { room: string; epoch: string; seq: number }[]) {
    logs.set(room, { epoch, seq, committed: seq, kept: [] });
  }
  let nextN = 1;
  for (const row of db.prepare('SELECT n, room, line FROM chat_lines ORDER BY n').iterate() as Iterable<{ n: number; room: string; line: string }>) {
    const parsed = ChatLine.safeParse(JSON.parse(row.line));
    if (!parsed.success) fail(`room ${row.room}: ${explainRecord(parsed.error.issues)}`);
    const log = logs.get(row.room) ?? fail(`line ${row.n} belongs to room ${row.room}, which the file does not list`);
    const line = parsed.data!;
    log.seq = log.committed = Math.max(log.committed, line.seq);
    keep(log, line, row.n);
    nextN = row.n + 1;
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

  function flush(): void {
    const batch = unwritten;
    if (batch.length === 0) return;
    unwritten = [];
    const dropped = pastBound;
    pastBound = [];
    try {
      begin.run();
      for (const n of dropped) drop.run(n);
      for (const { room, line, n, frame } of batch) insert.run(n, room, line.seq, frame);
      commit.run();
    } catch (error) {
      if (db.isTransaction) rollback.run();
      // The seqs were not kept: take them back, so the next line reuses them and none is skipped.
      for (const { log } of batch) log.seq = log.committed;
      pastBound = dropped.concat(pastBound);
      for (const entry of batch) entry.failed(error);
      return;
    }
    for (const { log, room, line, n, frame, done } of batch) {
      log.committed = line.seq;
      keep(log, line, n);
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
      return new Promise((done, failed) => unwritten.push({ log, room, line, n: nextN++, frame: JSON.stringify(line), done, failed }));
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
