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
import { parseJsonMessage } from '../json-message.ts';
import type { LiveSocket } from '../live-socket.ts';
import type { WsEndpoint } from './types.ts';

/** Demos kept at once (one per open lesson page and mode); the oldest idle one goes first. */
const MAX_DEMOS = 200;
/** Lines a demo's log keeps for resuming clients. */
const KEEP = 200;
/** What "other users" say on A while B is down: the messages a moving client must not lose. */
const WHILE_B_IS_DOWN = 3;

type Params = { instance: DemoInstance; mode: DemoMode; demo: string; since: number | null };

/** One demo: the log both instances share (what Redis is in a deployment) and who is on which. */
interface Demo {
  mode: DemoMode;
  bRunning: boolean;
  log: DemoLine[];
  latest: number;
  sockets: Map<LiveSocket, DemoInstance>;
}

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

/**
 * `WS /ws/scaling-demo/<a|b>`: the scaling lesson's two instances, served by this one process so
 * the demo runs with a plain `npm start`. "Stopping B" is real for the page: B's sockets close
 * with 1001 and its upgrades are refused (503) until it is started again.
 */
export function scalingDemoEndpoint(): WsEndpoint<Params> {
  const demos = new Map<string, Demo>();
  const demoFor = (params: Params): Demo => {
    const key = `${params.mode}:${params.demo}`;
    let demo = demos.get(key);
    if (!demo) {
      if (demos.size >= MAX_DEMOS) {
        const idle = [...demos].find(([, kept]) => kept.sockets.size === 0);
        if (idle) demos.delete(idle[0]);
      }
      demos.set(key, (demo = { mode: params.mode, bRunning: true, log: [], latest: 0, sockets: new Map() }));
    }
    return demo;
  };
  const tell = (demo: Demo, message: ScalingDemoServerMessage) => broadcast(demo.sockets.keys(), JSON.stringify(message), false);
  /** Streams mode keeps the line with an offset before delivering it; pub/sub delivers and forgets. */
  const publish = (demo: Demo, text: string, via: DemoInstance) => {
    const line: DemoLine = { type: 'message', offset: demo.mode === 'streams' ? ++demo.latest : null, text, via };
    if (demo.mode === 'streams') {
      demo.log.push(line);
      if (demo.log.length > KEEP) demo.log.shift();
    }
    tell(demo, line);
  };
  const stopB = (demo: Demo) => {
    if (!demo.bRunning) return;
    demo.bRunning = false;
    for (const [ws, instance] of demo.sockets) {
      if (instance !== 'b') continue;
      demo.sockets.delete(ws);
      ws.close(CloseCode.goingAway, 'instance B stopped');
    }
    tell(demo, { type: 'instance-b', running: false });
    for (let i = 1; i <= WHILE_B_IS_DOWN; i++) publish(demo, `said on A while B was down (${i}/${WHILE_B_IS_DOWN})`, 'a');
  };

  return {
    name: 'scaling-demo',
    match: readParams,
    admit(req) {
      const read = readParams(new URL(req.url ?? '/', 'http://localhost'));
      if (!read || 'status' in read || read.params.instance !== 'b') return null;
      const demo = demos.get(`${read.params.mode}:${read.params.demo}`);
      return demo && !demo.bRunning ? { status: 503, reason: 'instance B of this demo is stopped' } : null;
    },
    open(ws, _req, params) {
      const demo = demoFor(params);
      const send = (message: ScalingDemoServerMessage) => ws.send(JSON.stringify(message));
      send({ type: 'welcome', instance: params.instance, mode: demo.mode, latest: demo.latest });
      send({ type: 'instance-b', running: demo.bRunning });
      if (params.since !== null) for (const line of demo.log) if (line.offset !== null && line.offset > params.since) send(line);
      demo.sockets.set(ws, params.instance);
      ws.on('message', (data: Buffer, isBinary) => {
        const parsed = parseJsonMessage(ScalingDemoClientMessage, data, isBinary);
        if (!parsed.ok) return send({ type: 'error', message: parsed.error.message });
        const message = parsed.value;
        if (message.type === 'say') return publish(demo, message.text, params.instance);
        if (message.type === 'stop-b') return stopB(demo);
        demo.bRunning = true;
        tell(demo, { type: 'instance-b', running: true });
      });
      ws.on('close', () => demo.sockets.delete(ws));
    },
  };
}
