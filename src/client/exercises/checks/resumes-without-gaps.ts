import { ChatLine } from '../../../../protocol/chat.ts';
import { type Check, notYet, pass, type Stage } from './types.ts';
import { faultConfirmed, lastEventAt, parseJson, received, socketEvents, socketUrls, watchedByServer } from './events.ts';
import type { RunEvent } from '../../playground/runner/run-protocol.ts';

/** Lines the listener must have heard before the page drops its connection. */
export const heardBeforeDrop = 3;
/** The room must have been quiet this long (the speaker done, the replay in) before gaps are final. */
const quietMs = 1500;

interface Heard {
  socket: number;
  at: number;
  seq: number;
}

/** Every chat line any socket of the run received, with its seq: the wire's record, not the log's. */
function chatLines(events: readonly RunEvent[]): Heard[] {
  const heard: Heard[] = [];
  for (const got of received(events)) {
    const line = ChatLine.safeParse(parseJson(got.payload ?? got.preview));
    if (line.success) heard.push({ socket: got.socket, at: got.at, seq: line.data.seq });
  }
  return heard;
}

const isTraced = (url: string | undefined) => url !== undefined && new URL(url).searchParams.has('trace');

/**
 * The stage: once a `connect()` socket (traced, so the server can reach it) has heard three chat
 * lines, the page drops its connection on the server, as the playground's "Drop connection"
 * button does: the TCP connection is cut with no close frame. Only once the server's view of that
 * socket is live, so the command reaches its connection.
 */
export const dropOnceListening: Stage = (events, _now, _chance, struck) => {
  if (struck > 0) return null;
  const urls = socketUrls(events);
  const bySocket = new Map<number, number>();
  for (const line of chatLines(events)) bySocket.set(line.socket, (bySocket.get(line.socket) ?? 0) + 1);
  for (const [socket, count] of bySocket) if (count >= heardBeforeDrop && isTraced(urls.get(socket)) && watchedByServer(events, socket)) return { type: 'drop' };
  return null;
};

/** "3, 4, 5, 9" as "3–5, 9": what a learner reads at a glance. */
function ranges(seqs: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < seqs.length; i++) {
    const start = seqs[i]!;
    while (seqs[i + 1] === seqs[i]! + 1) i++;
    parts.push(start === seqs[i] ? String(start) : `${start}–${seqs[i]}`);
  }
  return parts.join(', ');
}

/**
 * Lesson 10: resume a chat stream with `?since=` after a real drop. The page cuts the
 * listener's connection once it has heard three lines; judged on the chat lines the listener's
 * sockets received (their `seq`, read from the wire): it reconnected, lines were said while it
 * was away, and, once the room has gone quiet, it holds every seq from its first to the room's
 * last exactly once. Reconnecting without `since` leaves a gap; with `since=0` repeats.
 */
export const resumesWithoutGaps: Check = (events, now = lastEventAt(events)) => {
  const lines = chatLines(events);
  const drop = faultConfirmed(events, 'drop');
  if (!drop) {
    if (lines.length === 0) return notYet('no chat line has arrived yet: follow a room with connect() and have the speaker say something.');
    return notYet(`your listener hears the room. Once it has heard ${heardBeforeDrop} lines the page drops its connection.`);
  }
  if (drop.connections === 0) return notYet('the drop found no open connection: run again and keep the listener open.');
  const urls = socketUrls(events);
  const path = new URL(urls.get(drop.socket) ?? 'ws://x/').pathname;
  // The dropped socket, and any socket opened to the same room after the drop (a new connect()).
  const firstConnecting = new Map<number, number>();
  for (const event of socketEvents(events)) if (event.event === 'connecting' && !firstConnecting.has(event.socket)) firstConnecting.set(event.socket, event.at);
  const listeners = new Set([drop.socket]);
  for (const [socket, at] of firstConnecting) if (at > drop.at && new URL(urls.get(socket) ?? 'ws://x/').pathname === path) listeners.add(socket);
  const reopen = socketEvents(events).find((event) => event.event === 'open' && listeners.has(event.socket) && event.at > drop.at);
  if (!reopen) return notYet('the page dropped your listener; waiting for it to reconnect.');

  const heard = lines.filter((line) => listeners.has(line.socket));
  if (heard.length === 0) return notYet('your listener has heard no chat line: read each message, and keep its seq.');
  const counts = new Map<number, number>();
  for (const line of heard) counts.set(line.seq, (counts.get(line.seq) ?? 0) + 1);
  const repeated = [...counts].filter(([, count]) => count > 1).map(([seq]) => seq).sort((a, b) => a - b);
  if (repeated.length > 0) {
    return notYet(`seq ${ranges(repeated)} reached your listener more than once: the reconnect asked for lines it had already heard. Send ?since= the last seq it heard.`);
  }
  const saidWhileAway = lines.filter((line) => !listeners.has(line.socket) && line.at > drop.at && line.at < reopen.at);
  if (saidWhileAway.length === 0) return notYet('nothing was said in the room while your listener was away: keep the speaker talking through the drop.');
  const lastChatAt = Math.max(...lines.map((line) => line.at));
  if (now - lastChatAt < quietMs) return notYet(`your listener is back and has heard ${heard.length} lines; waiting for the room to go quiet…`);

  const first = Math.min(...heard.map((line) => line.seq));
  const last = Math.max(...lines.map((line) => line.seq));
  const missing: number[] = [];
  for (let seq = first; seq <= last; seq++) if (!counts.has(seq)) missing.push(seq);
  if (missing.length > 0) {
    return notYet(
      `seq ${ranges(missing)} never reached your listener: they were said while it was away, and a reconnect without ?since= starts from now. Reconnect with ?since= the last seq it heard.`,
    );
  }
  return pass(`your listener heard seq ${first}–${last}, each exactly once, across the drop: the reconnect asked for what it had missed.`);
};
