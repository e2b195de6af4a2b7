import { randomBytes } from 'node:crypto';
import { ChatClientMessage, MemberName, type ChatMember, type ChatServerMessage } from '../../protocol/chat.ts';
import { CloseCode } from '../../protocol/close-codes.ts';
import { parseJsonMessage } from '../json-message.ts';
import type { LiveSocket } from '../live-socket.ts';
import type { RoomMessage, Rooms } from '../rooms.ts';
import type { ChatHistory, ChatLogs, ChatPresence } from '../store/types.ts';
import { deliver, endCatchUp, type CatchingUp } from './catch-up.ts';
import { roomFromPath } from './room.ts';
import type { WsEndpoint } from './types.ts';

/** One chat connection in a room: catching up on the room's log until its replay is sent. */
export interface ChatPeer extends CatchingUp {
  me: ChatMember;
}

/** Room delivery of presence (join, leave, rename): what `Rooms` carries for chat. */
export const deliverToPeers = (peers: ReadonlySet<ChatPeer>, message: RoomMessage, except?: ChatPeer) =>
  deliver(peers, message.data.toString(), null, except);

type ChatParams = { room: string; since: number | null; epoch: string | null; name: string | null };

/**
 * `WS /ws/chat/<room>?since=<seq>&epoch=<epoch>&name=<name>`: JSON chat. The server assigns
 * `seq`, `from` and `at`; presence is a `welcome` with the member list, then
 * `join`/`leave`/`rename`; `?since=` replays exactly the messages after that seq before any
 * live one. The log lives in the state store, so it survives restarts and is shared by instances;
 * `presence` (several instances) adds the members of the other instances to a welcome's list.
 */
export function chatEndpoint(rooms: Rooms<ChatPeer>, logs: ChatLogs, historyLimit: number, presence: ChatPresence | null = null): WsEndpoint<ChatParams> {
  // Ids are shared by every instance of a room: a per-process tag keeps them apart.
  const instance = randomBytes(3).toString('hex');
  let nextId = 1;
  /** Rooms whose log this instance follows: while it has members there. */
  const following = new Map<string, () => void>();
  const follow = (room: string) => {
    if (following.has(room)) return;
    const unfollow = logs.follow(room, {
      line: (frame, seq) => deliver(rooms.members(room), frame, seq),
      // The log is gone (a store that lost its data): the seqs clients hold mean nothing now.
      reset: () => rooms.members(room).forEach((peer) => peer.ws.close(CloseCode.serviceRestart, 'the chat history restarted; reconnect')),
    });
    following.set(room, unfollow);
  };
  const send = (ws: LiveSocket, message: ChatServerMessage) => ws.send(JSON.stringify(message));
  const publish = (room: string, message: ChatServerMessage, except?: ChatPeer) =>
    rooms.publish(room, { data: JSON.stringify(message), isBinary: false }, except);

  /** A stale epoch: the seq the client holds names other messages, so the replay is all that is kept. */
  async function readHistory(room: string, { since, epoch }: ChatParams): Promise<{ history: ChatHistory; stale: boolean }> {
    const found = await logs.read(room, since);
    const stale = since !== null && since > 0 && epoch !== null && epoch !== found.epoch;
    return { history: stale ? await logs.read(room, 0) : found, stale };
  }

  /** Welcome, replay, then what arrived meanwhile: the order a resuming client relies on. */
  function catchUp(peer: ChatPeer, room: string, history: ChatHistory, stale: boolean, elsewhere: ChatMember[]): void {
    const { ws, me } = peer;
    const present = [...rooms.members(room)].filter((other) => !other.pending || other === peer).map((other) => other.me).concat(elsewhere);
    send(ws, { type: 'welcome', you: me, members: present, latestSeq: history.latestSeq, epoch: history.epoch });
    if (stale) {
      send(ws, { type: 'error', code: 'history_reset', message: `the log started over (epoch ${history.epoch}): the replay is all of it that is kept` });
    } else if (history.truncated) {
      send(ws, { type: 'error', code: 'history_truncated', message: `only the last ${historyLimit} messages are kept; replay starts at seq ${history.lines[0]?.seq}` });
    }
    for (const line of history.lines) send(ws, line);
    endCatchUp(peer, history.latestSeq);
    publish(room, { type: 'join', member: { ...me }, at: Date.now() }, peer);
  }

  return {
    name: 'chat',
    match(url) {
      const match = roomFromPath(url, '/ws/chat/');
      if (!match || 'status' in match) return match;
      const since = url.searchParams.get('since');
      if (since !== null && !/^\d{1,15}$/.test(since)) return { status: 400, reason: 'since must be a whole number ≥ 0 (the last seq you saw)' };
      const epoch = url.searchParams.get('epoch');
      if (epoch !== null && !/^[\w-]{1,32}$/.test(epoch)) return { status: 400, reason: 'epoch must be the epoch of an earlier welcome' };
      const name = url.searchParams.get('name');
      if (name !== null && !MemberName.safeParse(name).success) return { status: 400, reason: 'name must be 1–40 characters' };
      return { params: { room: match.params.room, since: since === null ? null : Number(since), epoch, name } };
    },
    open(ws, _req, params) {
      const { room, name } = params;
      const n = nextId++;
      const peer: ChatPeer = { ws, me: { id: `u${n}-${instance}`, name: name ?? `guest-${n}` }, pending: [], replayedUpTo: 0 };
      let left = false;
      ws.on('message', (data: Buffer, isBinary) => {
        const parsed = parseJsonMessage(ChatClientMessage, data, isBinary);
        if (!parsed.ok) return ws.send(JSON.stringify(parsed.error));
        const message = parsed.value;
        if (message.type === 'rename') {
          peer.me.name = message.name;
          presence?.set(room, peer.me);
          return publish(room, { type: 'rename', member: { ...peer.me }, at: Date.now() });
        }
        // The store delivers the line to every follower of the room, on every instance, in seq order.
        logs.append(room, peer.me, message.text).catch(
          () => send(ws, { type: 'error', code: 'unavailable', message: 'the chat history cannot be written right now; your message was not sent, try again' }),
        );
      });
      ws.on('close', () => {
        left = true;
        rooms.leave(room, peer);
        presence?.delete(room, peer.me.id);
        if (!peer.pending) publish(room, { type: 'leave', member: { ...peer.me }, at: Date.now() });
        if (rooms.members(room).size > 0) return;
        following.get(room)?.();
        following.delete(room);
        logs.idle(room);
      });
      // Join first, then read: whatever is sent meanwhile waits in `pending`, so no line falls between.
      rooms.join(room, peer);
      presence?.set(room, peer.me);
      follow(room);
      // The others' list is presence: without it (Redis away) the welcome lists this instance's.
      const elsewhere = presence ? presence.others(room).catch(() => []) : Promise.resolve([]);
      Promise.all([readHistory(room, params), elsewhere]).then(
        ([{ history, stale }, others]) => left || catchUp(peer, room, history, stale, others),
        () => ws.close(CloseCode.internalError, 'chat history is unavailable; reconnect shortly'),
      );
    },
  };
}
