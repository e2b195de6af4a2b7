import { CloseCode } from '../../../protocol/close-codes.ts';
import { DemoMode, ScalingDemoServerMessage, type DemoInstance, type DemoLine, type ScalingDemoClientMessage } from '../../../protocol/scaling-demo.ts';
import { el, part, whenNearView } from '../dom.ts';
import { serverOrigin } from '../socket/server-origin.ts';
import { socketUrl } from '../socket/socket-url.ts';

const upper = (instance: DemoInstance) => instance.toUpperCase();
/** The same message in both clients' lists: by offset when the log gives one, else by its words. */
const keyOf = (line: DemoLine) => (line.offset === null ? `${line.via}:${line.text}` : String(line.offset));

/** Said on A while B is down: other users' traffic, which a client moving over must not lose. */
const WHILE_B_IS_DOWN = 3;

type Url = (instance: DemoInstance, origin: string, since: number | null) => string;
interface DemoEvents {
  changed(): void;
  /** `peer`: where instance B is, when it is another server process. */
  welcome?(peer: string | null): void;
  /** The instance went away (1001). */
  stopped?(): void;
}

/** One of the demo's two clients: its socket, which instance it is on, and what it received. */
class DemoClient {
  readonly received: DemoLine[] = [];
  #ws: WebSocket | null = null;
  #on: DemoInstance = 'a';
  readonly #root: HTMLElement;
  readonly #url: Url;
  readonly #events: DemoEvents;

  constructor(root: HTMLElement, url: Url, events: DemoEvents) {
    this.#root = root;
    this.#url = url;
    this.#events = events;
  }

  connect(instance: DemoInstance, origin: string, since: number | null = null) {
    this.#on = instance;
    const ws = new WebSocket(this.#url(instance, origin, since));
    this.#ws = ws;
    this.#status(`connecting to instance ${upper(instance)}…`);
    ws.onopen = () => this.#status(`connected to instance ${upper(instance)}`);
    ws.onmessage = (event) => {
      const parsed = ScalingDemoServerMessage.safeParse(JSON.parse(String(event.data)));
      if (!parsed.success) return;
      if (parsed.data.type === 'welcome') this.#events.welcome?.(parsed.data.peer);
      if (parsed.data.type === 'message') this.#add(parsed.data);
    };
    ws.onclose = (event) => {
      if (this.#ws !== ws || event.code !== CloseCode.goingAway) return;
      this.#status(`instance ${upper(instance)} stopped (${event.code}): moving to A…`);
      this.#events.stopped?.();
    };
  }

  /** The last offset this client saw (which only the streams mode gives). */
  get lastOffset(): number {
    return this.received.findLast((line) => line.offset !== null)?.offset ?? 0;
  }

  send(message: ScalingDemoClientMessage) {
    if (this.#ws?.readyState === WebSocket.OPEN) this.#ws.send(JSON.stringify(message));
  }

  #add(line: DemoLine) {
    this.received.push(line);
    const where = `${line.offset === null ? '' : `#${line.offset} `}via ${upper(line.via)} → received on ${upper(this.#on)}`;
    part(this.#root, 'ol').append(el('li', {}, el('span', { className: 'sd-where' }, where), ' ', line.text));
    this.#events.changed();
  }

  #status(text: string) {
    part(this.#root, '[data-role="status"]').textContent = text;
  }
}

/**
 * <duplex-scaling-demo data-mode="streams|pubsub">: client 1 on instance A, client 2 on B, both in
 * one room. "Stop instance B" tells B to stop serving this demo; client 1 says a few things on A
 * meanwhile; client 2 then does what a real client does when its server goes away, reconnects to
 * the instance that is left with the last offset it saw, and the page compares what both hold.
 * B is the other server process when the server runs as a cluster, else this same process.
 */
class DuplexScalingDemo extends HTMLElement {
  connectedCallback() {
    const mode = DemoMode.parse(this.dataset.mode);
    const demo = `${mode}-${crypto.randomUUID().slice(0, 12)}`;
    const url: Url = (instance, origin, since) =>
      socketUrl(`/ws/scaling-demo/${instance}?mode=${mode}&demo=${demo}${since === null ? '' : `&since=${since}`}`, origin);
    const summary = part(this, '[data-role="summary"]');
    const compare = () => {
      const held = new Set(two.received.map(keyOf));
      const missing = one.received.filter((line) => !held.has(keyOf(line))).length;
      const total = one.received.length;
      summary.textContent = missing === 0 ? `Client 2 has all ${total} messages client 1 saw.` : `Client 2 is missing ${missing} of the ${total} messages client 1 saw.`;
      if (movingOnceSaid !== null && one.received.length >= movingOnceSaid) {
        movingOnceSaid = null;
        two.connect('a', serverOrigin(), two.lastOffset);
      }
    };
    /** Client 2 moves to A once client 1 has received this many lines (what was said while B was down). */
    let movingOnceSaid: number | null = null;
    let said = 0;
    const say = (client: DemoClient, text: string) => client.send({ type: 'say', text });
    const hello = (client: DemoClient, who: string) => say(client, `hello from ${who} (${++said})`);
    const one = new DemoClient(part(this, '[data-client="1"]'), url, {
      changed: compare,
      welcome: (peer) => {
        part(this, '[data-role="where"]').textContent = peer
          ? `Instance B is another server process, ${peer}, sharing Redis with this one.`
          : 'Here both instances run in this one server process (npm run cluster runs them as two processes sharing Redis).';
        two.connect('b', peer ?? serverOrigin());
      },
    });
    const two = new DemoClient(part(this, '[data-client="2"]'), url, {
      changed: compare,
      stopped: () => {
        movingOnceSaid = one.received.length + WHILE_B_IS_DOWN;
        for (let i = 1; i <= WHILE_B_IS_DOWN; i++) say(one, `said on A while B was down (${i}/${WHILE_B_IS_DOWN})`);
      },
    });
    for (const status of this.querySelectorAll('[data-role="status"]')) status.textContent = 'connects when you scroll here';
    // Two sockets per demo: opened when the reader reaches it, not with the page.
    whenNearView(this, () => one.connect('a', serverOrigin()));
    const buttons = {
      one: part<HTMLButtonElement>(this, '[data-role="send-1"]'),
      two: part<HTMLButtonElement>(this, '[data-role="send-2"]'),
      stop: part<HTMLButtonElement>(this, '[data-role="stop-b"]'),
    };
    buttons.one.addEventListener('click', () => hello(one, 'client 1'));
    buttons.two.addEventListener('click', () => hello(two, 'client 2'));
    buttons.stop.addEventListener('click', () => {
      two.send({ type: 'stop-b' });
      buttons.stop.disabled = true;
    });
    for (const button of Object.values(buttons)) button.disabled = false;
    this.dataset.ready = '';
  }
}

customElements.define('duplex-scaling-demo', DuplexScalingDemo);
