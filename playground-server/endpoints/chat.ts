import { ChatClientMessage, MemberName, type ChatServerMessage } from '../../protocol/chat.ts';
import { ChatLog } from '../chat-log.ts';
import { parseJsonMessage } from '../json-message.ts';
import type { LiveSocket } from '../live-socket.ts';
import type { Rooms } from '../rooms.ts';
import { roomFromPath } from './room.ts';
import type { WsEndpoint } from './types.ts';

interface Member {
  id: string;
  name: string;
}

/** A room's log outlives a short empty spell (everyone reconnecting), then is forgotten. */
const EMPTY_ROOM_GRACE_MS = 60_000;

/**
 * `WS /ws/chat/<room>?since=<seq>&name=<name>`: JSON chat. The server assigns `seq`, `from`
 * and `at`; presence is a `welcome` with the member list, then `join`/`leave`/`rename`;
 * `?since=` replays exactly the messages after that seq before any live one.
 */
export function chatEndpoint(rooms: Rooms<LiveSocket>, historyLimit: number): WsEndpoint<{ room: string; since: number | null; name: string | null }> {
  const logs = new Map<string, { log: ChatLog; forget?: NodeJS.Timeout }>();
  const members = new WeakMap<LiveSocket, Member>();
  let nextId = 1;

  const logFor = (room: string) => {
    let entry = logs.get(room);
    if (!entry) logs.set(room, (entry = { log: new ChatLog(historyLimit) }));
    clearTimeout(entry.forget);
    return entry.log;
  };
  const send = (ws: LiveSocket, message: ChatServerMessage) => ws.send(JSON.stringify(message));
  const publish = (room: string, message: ChatServerMessage, except?: LiveSocket) =>
    rooms.publish(room, { data: JSON.stringify(message), isBinary: false }, except);

  return {
    name: 'chat',
    match(url) {
      const match = roomFromPath(url, '/ws/chat/');
      if (!match || 'status' in match) return match;
      const since = url.searchParams.get('since');
      if (since !== null && !/^\d{1,15}$/.test(since)) return { status: 400, reason: 'since must be a whole number ≥ 0 (the last seq you saw)' };
      const name = url.searchParams.get('name');
      if (name !== null && !MemberName.safeParse(name).success) return { status: 400, reason: 'name must be 1–40 characters' };
      return { params: { room: match.params.room, since: since === null ? null : Number(since), name } };
    },
    open(ws, _req, { room, since, name }) {
      const log = logFor(room);
      const id = `u${nextId++}`;
      const me: Member = { id, name: name ?? `guest-${id.slice(1)}` };
      members.set(ws, me);
      const present = [...rooms.members(room)].flatMap((other) => members.get(other) ?? []);
      send(ws, { type: 'welcome', you: me, members: [...present, me], latestSeq: log.latestSeq });
      if (since !== null) {
        const { lines, truncated } = log.since(since);
        if (truncated) send(ws, { type: 'error', code: 'history_truncated', message: `only the last ${historyLimit} messages are kept; replay starts at seq ${lines[0]?.seq}` });
        for (const line of lines) send(ws, line);
      }
      // Joining in the same tick as the replay: no live message can fall between the two.
      rooms.join(room, ws);
      publish(room, { type: 'join', member: { ...me }, at: Date.now() }, ws);

      ws.on('message', (data: Buffer, isBinary) => {
        const parsed = parseJsonMessage(ChatClientMessage, data, isBinary);
        if (!parsed.ok) return ws.send(JSON.stringify(parsed.error));
        const message = parsed.value;
        if (message.type === 'say') return publish(room, log.append(me, message.text));
        me.name = message.name;
        publish(room, { type: 'rename', member: { ...me }, at: Date.now() });
      });
      ws.on('close', () => {
        rooms.leave(room, ws);
        publish(room, { type: 'leave', member: { ...me }, at: Date.now() });
        const entry = logs.get(room);
        if (entry && rooms.members(room).size === 0) {
          entry.forget = setTimeout(() => logs.delete(room), EMPTY_ROOM_GRACE_MS).unref();
        }
      });
    },
  };
}
