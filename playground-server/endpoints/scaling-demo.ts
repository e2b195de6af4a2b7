import { ChatLine } from '../../protocol/chat.ts';
import { CloseCode } from '../../protocol/close-codes.ts';
import {
  DemoId,
  DemoInstance,
  DemoMode,
  ScalingDemoClientMessage,
  type DemoLine,
  type ScalingDemoServerMessage,
} from '../../protocol/scaling-demo.ts';
import { broadcast } from '../broadcast.ts';
import { deliver, endCatchUp, type CatchingUp } from './catch-up.ts';
import { parseJsonMessage } from '../json-message.ts';
import { memoryRooms, type RoomMessage, type Rooms } from '../rooms.ts';
import { memoryChatLogs } from '../store/memory.ts';
import type { ChatLogs } from '../store/types.ts';
import type { WsEndpoint } from './types.ts';

/** Lines a demo's log keeps for resuming clients. */
const KEEP = 200;
/** Demos whose B this process remembers as stopped; the oldest is forgotten first. */
const MAX_STOPPED = 1000;

type Params = { instance: DemoInstance; mode: DemoMode; demo: string; since: number | null };

/** One client of a demo on this process; in streams mode, catching up on the demo's log first. */
export interface DemoPeer extends CatchingUp {
  instance: DemoInstance;
}

/**
 * What the demo's instances share. With `npm run cluster` that is the real thing: the Redis
 * store's pub/sub rooms and its streams, and `peer` is the other server process, where the
 * page puts client 2. In one process (`npm start`) both instances are this process, sharing
 * memory, and `peer` is null.
 */
export interface DemoBackplane {
  /** The pubsub mode: delivered to whoever is connected right then, kept nowhere. */
  rooms: Rooms<DemoPeer>;
  /** The streams mode: every line numbered and kept, so a client can resume from its offset. */
  logs: ChatLogs;
  peer: string | null;
}

/** A pubsub line reaches the members on this process as the JSON the publisher framed. */
export const deliverToDemo = (members: ReadonlySet<DemoPeer>, { data }: RoomMessage) =>
  broadcast([...members].map((member) => member.ws), data, false);

export const oneProcessBackplane = (): DemoBackplane => ({ rooms: memoryRooms(deliverToDemo), logs: memoryChatLogs(KEEP), peer: null });

function readParams(url: URL): { params: Params } | { status: number; reason: string } | null {
  const found = /^\/ws\/scaling-demo\/([^/]*)$/.exec(url.pathname);
  if (!found) return null;
  const instance = DemoInstance.safeParse(found[1]);
  if (!instance.success) return { status: 400, reason: 'the demo has instances "a" and "b"' };
  const mode = DemoMode.safeParse(url.searchParams.get('mode'));
  if (!mode.success) return { status: 400, reason: 'mode must be "streams" or "pubsub"' };
  const demo = DemoId.safeParse(url.searchParams.get('demo'));
  if (!demo.success) return { status: 400, reason: demo.error.issues[0]?.message ?? 'bad demo id' };
  const since = url.searchParams.get('since');
  if (since !== null && !/^\d{1,9}$/.test(since)) return { status: 400, reason: 'since must be the last offset you saw' };
  return { params: { instance: instance.data, mode: mode.data, demo: demo.data, since: since === null ? null : Number(since) } };
}

/** The demo's log and rooms live beside real chat rooms in a shared store: a prefix keeps them apart. */
const keyOf = (params: Pick<Params, 'mode' | 'demo'>) => `scaling-demo:${params.mode}:${params.demo}`;

/** A log line as a demo client gets it; the line's author names the instance it came in through. */
function demoLineOf(line: ChatLine): DemoLine | null {
  const via = DemoInstance.safeParse(line.from.name);
  return via.success ? { type: 'message', offset: line.seq, text: line.text, via: via.data } : null;
}

/** The same from a log frame (another instance may have written it: checked, not trusted). */
function demoLineOfFrame(frame: string): DemoLine | null {
  try {
    const line = ChatLine.safeParse(JSON.parse(frame));
    return line.success ? demoLineOf(line.data) : null;
  } catch {
    return null;
  }
}

/**
 * `WS /ws/scaling-demo/<a|b>`: the scaling lesson's demo, one client per instance. The letter is
 * the part this process plays for that client. "Stop instance B" is sent to B itself and is
 * real there: B closes its clients of that demo with 1001 and refuses them (503) from then on,
 * while A goes on serving. What survives is then up to the backplane's mode, as in production.
 */
export function scalingDemoEndpoint(backplane: DemoBackplane): WsEndpoint<Params> {
  const { rooms, logs, peer } = backplane;
  const stopped = new Set<string>();
  /** Streams-mode demos with clients on this process, each following its log while it has any. */
  const followed = new Map<string, { peers: Set<DemoPeer>; unfollow: () => void }>();

  const joinLog = (key: string, member: DemoPeer) => {
    let room = followed.get(key);
    if (!room) {
      const peers = new Set<DemoPeer>();
      const unfollow = logs.follow(key, {
        line: (frame, seq) => {
          const line = demoLineOfFrame(frame);
          if (line) deliver(peers, JSON.stringify(line), seq);
        },
        reset: () => peers.forEach((each) => each.ws.close(CloseCode.serviceRestart, 'the demo log restarted; reload the page')),
      });
      followed.set(key, (room = { peers, unfollow }));
    }
    room.peers.add(member);
  };
  const leaveLog = (key: string, member: DemoPeer) => {
    const room = followed.get(key);
    if (!room?.peers.delete(member) || room.peers.size > 0) return;
    room.unfollow();
    followed.delete(key);
    logs.idle(key);
  };
  /** What a client resuming with `since` missed, then what came while it was read: none twice. */
  const replay = async (member: DemoPeer, key: string, since: number | null) => {
    const history = await logs.read(key, since);
    const missed = since === null ? [] : history.lines;
    for (const line of missed) {
      const demoLine = demoLineOf(line);
      if (demoLine) member.ws.send(JSON.stringify(demoLine));
    }
    endCatchUp(member, missed.at(-1)?.seq ?? since ?? 0);
  };
  const stopB = (key: string, mode: DemoMode) => {
    stopped.add(key);
    if (stopped.size > MAX_STOPPED) stopped.delete(stopped.values().next().value!);
    const here = mode === 'streams' ? (followed.get(key)?.peers ?? []) : rooms.members(key);
    for (const member of [...here]) if (member.instance === 'b') member.ws.close(CloseCode.goingAway, 'instance B stopped');
  };

  return {
    name: 'scaling-demo',
    match: readParams,
    admit(req) {
      const read = readParams(new URL(req.url ?? '/', 'http://localhost'));
      if (!read || 'status' in read || read.params.instance !== 'b') return null;
      return stopped.has(keyOf(read.params)) ? { status: 503, reason: 'instance B of this demo is stopped' } : null;
    },
    open(ws, _req, params) {
      const key = keyOf(params);
      const member: DemoPeer = { ws, instance: params.instance, pending: null, replayedUpTo: 0 };
      const send = (message: ScalingDemoServerMessage) => ws.send(JSON.stringify(message));
      send({ type: 'welcome', instance: params.instance, mode: params.mode, peer });
      if (params.mode === 'pubsub') rooms.join(key, member);
      else {
        member.pending = [];
        joinLog(key, member);
        replay(member, key, params.since).catch(() => ws.close(CloseCode.tryAgainLater, 'the demo log cannot be reached; reconnect'));
      }
      ws.on('message', (data: Buffer, isBinary) => {
        const parsed = parseJsonMessage(ScalingDemoClientMessage, data, isBinary);
        if (!parsed.ok) return send({ type: 'error', message: parsed.error.message });
        const message = parsed.value;
        if (message.type === 'stop-b') {
          if (params.instance !== 'b') return send({ type: 'error', message: 'an instance can only stop itself: send stop-b on the socket to instance B' });
          return stopB(key, params.mode);
        }
        if (params.mode === 'pubsub') {
          const line: DemoLine = { type: 'message', offset: null, text: message.text, via: params.instance };
          return rooms.publish(key, { data: JSON.stringify(line), isBinary: false });
        }
        logs.append(key, { id: params.instance, name: params.instance }, message.text).catch(() => send({ type: 'error', message: 'the demo log cannot be reached; not sent' }));
      });
      ws.on('close', () => (params.mode === 'pubsub' ? rooms.leave(key, member) : leaveLog(key, member)));
    },
  };
}
