import type { DatabaseSync } from 'node:sqlite';
import { ChatLine } from '../../protocol/chat.ts';
import { Followers } from './followers.ts';
import { newEpoch } from './memory.ts';
import { explainRecord } from './store-error.ts';
import type { ChatLogs } from './types.ts';

/** Lines a room may hold past its bound before one DELETE takes them all (not one DELETE a line). */
const PRUNE_STEP = 64;

/** A line with its seq taken, waiting for the commit that makes it durable. */
interface Unwritten {
  room: string;
  line: ChatLine;
  frame: string;
  done: (line: ChatLine) => void;
  failed: (error: unknown) => void;
}

/**
 * Chat logs in the embedded file. Group commit: the lines said in one tick get their seqs at once
 * (from a per-room head kept in memory: one process owns the file) and are written by a single
 * transaction when the tick ends; only then are they delivered and acknowledged, so whatever a
 * client saw is on disk, and a burst costs one commit, not one per message.
 * A line costs one INSERT: a room's head is its newest line (never pruned), so it is not written
 * apart, and old lines are pruned in steps of PRUNE_STEP (reads show only the newest `limit`).
 */
export function sqliteChatLogs(db: DatabaseSync, limit: number, fail: (error: unknown) => never): ChatLogs & { flush(): void } {
  const insert = db.prepare('INSERT INTO chat_lines (room, seq, line) VALUES (?, ?, ?)');
  const prune = db.prepare('DELETE FROM chat_lines WHERE room = ? AND seq <= ?');
  // chat_rooms.seq is the head files written before lines carried it alone; the newest line wins.
  const getHead = db.prepare('SELECT epoch, max(chat_rooms.seq, coalesce((SELECT max(seq) FROM chat_lines WHERE room = ?1), 0)) AS seq FROM chat_rooms WHERE room = ?1');
  const create = db.prepare('INSERT INTO chat_rooms (room, epoch, seq) VALUES (?, ?, 0) ON CONFLICT (room) DO NOTHING');
  const after = db.prepare('SELECT line FROM chat_lines WHERE room = ? AND seq > ? ORDER BY seq');
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  const followers = new Followers();
  /** `pruned`: lines up to this seq may still be on disk but are past the bound. */
  const heads = new Map<string, { epoch: string; seq: number; pruned: number }>();
  let unwritten: Unwritten[] = [];

  const headOf = (room: string) => {
    let head = heads.get(room);
    if (!head) {
      create.run(room, newEpoch());
      const { epoch, seq } = getHead.get(room) as { epoch: string; seq: number };
      heads.set(room, (head = { epoch, seq, pruned: 0 }));
    }
    return head;
  };

  function flush(): void {
    const batch = unwritten;
    if (batch.length === 0) return;
    unwritten = [];
    try {
      begin.run();
      for (const { room, line, frame } of batch) {
        insert.run(room, line.seq, frame);
        const head = heads.get(room)!;
        if (line.seq - limit >= head.pruned + PRUNE_STEP) {
          head.pruned = line.seq - limit;
          prune.run(room, head.pruned);
        }
      }
      commit.run();
    } catch (error) {
      if (db.isTransaction) rollback.run();
      // The seqs were not kept: take them back, so the next line reuses them and none is skipped.
      for (const room of new Set(batch.map((entry) => entry.room))) heads.delete(room);
      for (const entry of batch) entry.failed(error);
      return;
    }
    for (const { room, line, frame, done } of batch) {
      followers.line(room, frame, line.seq);
      done(line);
    }
  }

  return {
    flush,
    append(room, from, text) {
      const head = headOf(room);
      const line: ChatLine = { type: 'message', seq: ++head.seq, from: { id: from.id, name: from.name }, text, at: Date.now() };
      if (unwritten.length === 0) setImmediate(flush);
      return new Promise((done, failed) => unwritten.push({ room, line, frame: JSON.stringify(line), done, failed }));
    },
    async read(room, since) {
      // Lines still waiting for their commit are written first, so the history is never behind the head.
      flush();
      const { epoch, seq: latestSeq } = headOf(room);
      if (since === null || since >= latestSeq) return { epoch, latestSeq, lines: [], truncated: false };
      // Only the newest `limit` count as kept, whatever the last prune left.
      const from = Math.max(since, latestSeq - limit);
      const lines = (after.all(room, from) as { line: string }[]).map(({ line }) => {
        const parsed = ChatLine.safeParse(JSON.parse(line));
        return parsed.success ? parsed.data : fail(`room ${room}: ${explainRecord(parsed.error.issues)}`);
      });
      const first = lines[0]?.seq ?? latestSeq + 1;
      return { epoch, latestSeq, lines, truncated: since + 1 < first };
    },
    follow: (room, follower) => followers.add(room, follower),
    // On disk a room costs nothing while idle; its newest lines stay for whoever comes back.
    idle: () => undefined,
  };
}
