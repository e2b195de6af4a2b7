import { CloseCode } from '../../../protocol/close-codes.ts';
import type { InspectEvent } from '../../../protocol/inspect.ts';
import { serverOrigin } from '../socket/server-origin.ts';
import { socketUrl } from '../socket/socket-url.ts';
import { acceptFor } from './accept-key.ts';
import { part } from '../dom.ts';

type Handshake = Extract<InspectEvent, { type: 'handshake' }>;
type Frame = Extract<InspectEvent, { type: 'frame' }>;

const wsUrl = (path: string) => socketUrl(path, serverOrigin());

const cell = (row: HTMLTableRowElement, text: string) => {
  row.insertCell().textContent = text;
};

/** What permessage-deflate did to one message: its compressed size and the ratio, in words. */
export function compression(frame: Pick<Frame, 'payloadBytes' | 'compressedBytes' | 'opcode'>): string {
  if (frame.compressedBytes === undefined) return frame.opcode === 'text' || frame.opcode === 'binary' ? 'not compressed' : '—';
  const { payloadBytes, compressedBytes } = frame;
  if (compressedBytes >= payloadBytes) return `${compressedBytes} (${compressedBytes - payloadBytes} bytes more than the payload)`;
  return `${compressedBytes} (${(payloadBytes / compressedBytes).toFixed(1)}× smaller)`;
}

/**
 * <duplex-wire-inspector>: opens a real socket to /ws/echo (or /ws/echo-deflate) straight from the page (no worker),
 * watched through /ws/inspect, and shows what the *server* saw: the handshake headers with the
 * accept key checked in the browser, then every frame with its size on the wire.
 * Everything from the server is validated and written as text, never HTML.
 */
class DuplexWireInspector extends HTMLElement {
  #socket: WebSocket | null = null;
  #inspector: WebSocket | null = null;


  connectedCallback() {
    const open = part<HTMLButtonElement>(this, '[data-role="open"]');
    const form = part<HTMLFormElement>(this, '[data-role="send"]');
    const close = part<HTMLButtonElement>(this, '[data-role="close"]');
    open.disabled = false;
    open.addEventListener('click', () => void this.#open());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = part<HTMLInputElement>(this, '[data-role="text"]').value;
      const binary = part<HTMLInputElement>(this, '[data-role="binary"]').checked;
      this.#socket?.send(binary ? new TextEncoder().encode(text) : text);
    });
    close.addEventListener('click', () => this.#socket?.close(CloseCode.normal, 'closed from the lesson'));
    addEventListener('pagehide', () => this.#shutdown());
    this.dataset.ready = '';
  }

  disconnectedCallback() {
    this.#shutdown();
  }

  #shutdown() {
    // 1000: a page may send only 1000 or 3000–4999 (1001 throws InvalidAccessError, and the
    // sockets would stay open behind the new ones).
    this.#socket?.close(CloseCode.normal, 'page hidden');
    this.#inspector?.close(CloseCode.normal, 'page hidden');
    this.#socket = this.#inspector = null;
  }

  async #open() {
    // The schema (zod) loads on the first click, not with the page: lessons stay light until used.
    const { InspectEvent } = await import('../../../protocol/inspect.ts');
    this.#shutdown();
    part<HTMLTableSectionElement>(this, '[data-role="frames"]').replaceChildren();
    this.#status('connecting…');
    const trace = `lesson-${crypto.randomUUID().slice(0, 8)}`;
    const inspector = new WebSocket(wsUrl(`/ws/inspect?trace=${trace}`));
    this.#inspector = inspector;
    inspector.onmessage = (message) => {
      const parsed = typeof message.data === 'string' ? InspectEvent.safeParse(JSON.parse(message.data)) : null;
      if (parsed?.success) void this.#show(parsed.data);
    };
    inspector.onopen = () => {
      const socket = new WebSocket(wsUrl(`${this.#endpoint}?trace=${trace}`));
      this.#socket = socket;
      socket.onopen = () => this.#status(`open${socket.extensions ? ` with ${socket.extensions}` : ''}: send a message, then close`);
      socket.onclose = (event) => this.#status(`closed ${event.code}${event.reason ? ` "${event.reason}"` : ''}, wasClean: ${event.wasClean}`);
      this.#setConnected(true);
      socket.addEventListener('close', () => this.#setConnected(false));
    };
    inspector.onerror = () => this.#status('the inspect endpoint is not reachable');
  }

  /** `/ws/echo`, or `/ws/echo-deflate` when the lesson is about compression. */
  get #endpoint(): string {
    return this.dataset.endpoint === '/ws/echo-deflate' ? '/ws/echo-deflate' : '/ws/echo';
  }

  #setConnected(connected: boolean) {
    for (const role of ['submit', 'close']) part<HTMLButtonElement>(this, `[data-role="${role}"]`).disabled = !connected;
  }

  #status(text: string) {
    part<HTMLElement>(this, '[data-role="status"]').textContent = text;
  }

  async #show(event: InspectEvent) {
    if (event.type === 'handshake') await this.#showHandshake(event);
    else if (event.type === 'frame') this.#showFrame(event);
  }

  async #showHandshake(event: Handshake) {
    const request = [`${event.method} ${event.url} HTTP/${event.httpVersion}`, ...event.headers.map(([name, value]) => `${name}: ${value}`)];
    part<HTMLElement>(this, '[data-role="request"]').textContent = request.join('\n');
    part<HTMLElement>(this, '[data-role="response"]').textContent = [
      'HTTP/1.1 101 Switching Protocols',
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Accept: ${event.accept}`,
    ].join('\n');
    const key = event.headers.find(([name]) => name.toLowerCase() === 'sec-websocket-key')?.[1] ?? '';
    const mine = await acceptFor(key);
    const verdict = mine === event.accept ? 'they match' : 'they differ';
    part<HTMLElement>(this, '[data-role="accept"]').textContent = `Your browser's key ${key} gives ${mine} when computed here on the page; the server answered ${event.accept}: ${verdict}.`;
  }

  #showFrame(event: Frame) {
    const row = part<HTMLTableSectionElement>(this, '[data-role="frames"]').insertRow();
    cell(row, event.direction === 'in' ? 'browser → server' : 'server → browser');
    cell(row, event.opcode);
    cell(row, String(event.payloadBytes));
    if (this.#endpoint === '/ws/echo-deflate') cell(row, compression(event));
    cell(row, String(event.wireBytes - (event.compressedBytes ?? event.payloadBytes)));
    cell(row, String(event.wireBytes));
    cell(row, event.code === undefined ? event.preview : `${event.code} ${event.reason ?? ''}`);
  }
}

customElements.define('duplex-wire-inspector', DuplexWireInspector);
