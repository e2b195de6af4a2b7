import { CloseCode } from '../../../protocol/close-codes.ts';
import { DemoMode, ScalingDemoServerMessage, type DemoInstance, type DemoLine, type ScalingDemoClientMessage } from '../../../protocol/scaling-demo.ts';
import { el, part, whenNearView } from '../dom.ts';
import { serverOrigin } from '../socket/server-origin.ts';
import { socketUrl } from '../socket/socket-url.ts';

const upper = (instance: DemoInstance) => instance.toUpperCase();
/** The same message in both clients' lists: by offset when the log gives one, else by its words. */
const keyOf = (line: DemoLine) => (line.offset === null ? `${line.via}:${line.text}` : String(line.offset));

/** One of the demo's two clients: its socket, which instance it is on, and what it received. */
class DemoClient {
  readonly received: DemoLine[] = [];
  #ws: WebSocket | null = null;
  #on: DemoInstance;
  readonly #root: HTMLElement;
  readonly #url: (instance: DemoInstance, since: number | null) => string;
  readonly #changed: () => void;

  constructor(root: HTMLElement, instance: DemoInstance, url: (instance: DemoInstance, since: number | null) => string, changed: () => void) {
    this.#root = root;
    this.#on = instance;
    this.#url = url;
    this.#changed = changed;
  }

  connect(since: number | null = null) {
    const ws = new WebSocket(this.#url(this.#on, since));
    this.#ws = ws;
    this.#status(`connecting to instance ${upper(this.#on)}…`);
    ws.onopen = () => this.#status(`connected to instance ${upper(this.#on)}`);
    ws.onmessage = (event) => {
      const parsed = ScalingDemoServerMessage.safeParse(JSON.parse(String(event.data)));
      if (!parsed.success || parsed.data.type !== 'message') return;
      this.#add(parsed.data);
    };
    ws.onclose = (event) => {
      if (this.#ws !== ws || event.code !== CloseCode.goingAway) return;
      // What a real client does when its server goes away: reconnect to the one that is left,
      // with the last offset it saw (which only the streams mode can act on).
      this.#status(`instance ${upper(this.#on)} stopped (${event.code}): moving to A…`);
      this.#on = 'a';
      const last = this.received.findLast((line) => line.offset !== null)?.offset ?? 0;
      this.connect(last);
    };
  }

  send(message: ScalingDemoClientMessage) {
    if (this.#ws?.readyState === WebSocket.OPEN) this.#ws.send(JSON.stringify(message));
  }

  #add(line: DemoLine) {
    this.received.push(line);
    const where = `${line.offset === null ? '' : `#${line.offset} `}via ${upper(line.via)} → received on ${upper(this.#on)}`;
    part(this.#root, 'ol').append(el('li', {}, el('span', { className: 'sd-where' }, where), ' ', line.text));
    this.#changed();
  }

  #status(text: string) {
    part(this.#root, '[data-role="status"]').textContent = text;
  }
}

/**
 * <duplex-scaling-demo data-mode="streams|pubsub">: client 1 on instance A, client 2 on B, both in
 * one room; "Stop instance B" stops B on the server, client 2 moves to A, and the page compares
 * what the two clients hold.
 */
class DuplexScalingDemo extends HTMLElement {
  connectedCallback() {
    const mode = DemoMode.parse(this.dataset.mode);
    const demo = `${mode}-${crypto.randomUUID().slice(0, 12)}`;
    const url = (instance: DemoInstance, since: number | null) =>
      socketUrl(`/ws/scaling-demo/${instance}?mode=${mode}&demo=${demo}${since === null ? '' : `&since=${since}`}`, serverOrigin());
    const summary = part(this, '[data-role="summary"]');
    const compare = () => {
      const held = new Set(two.received.map(keyOf));
      const missing = one.received.filter((line) => !held.has(keyOf(line))).length;
      const total = one.received.length;
      summary.textContent = missing === 0 ? `Client 2 has all ${total} messages client 1 saw.` : `Client 2 is missing ${missing} of the ${total} messages client 1 saw.`;
    };
    const one = new DemoClient(part(this, '[data-client="1"]'), 'a', url, compare);
    const two = new DemoClient(part(this, '[data-client="2"]'), 'b', url, compare);
    // Two sockets per demo: opened when the reader reaches it, not with the page.
    whenNearView(this, () => (one.connect(), two.connect()));
    let said = 0;
    const say = (client: DemoClient, who: string) => client.send({ type: 'say', text: `hello from ${who} (${++said})` });
    const buttons = {
      one: part<HTMLButtonElement>(this, '[data-role="send-1"]'),
      two: part<HTMLButtonElement>(this, '[data-role="send-2"]'),
      stop: part<HTMLButtonElement>(this, '[data-role="stop-b"]'),
    };
    buttons.one.addEventListener('click', () => say(one, 'client 1'));
    buttons.two.addEventListener('click', () => say(two, 'client 2'));
    buttons.stop.addEventListener('click', () => {
      one.send({ type: 'stop-b' });
      buttons.stop.disabled = true;
    });
    for (const button of Object.values(buttons)) button.disabled = false;
    this.dataset.ready = '';
  }
}

customElements.define('duplex-scaling-demo', DuplexScalingDemo);
