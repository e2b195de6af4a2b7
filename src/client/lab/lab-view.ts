import type { LabRunEvent } from './lab-run-event.ts';
import { WireDecoder } from './wire-decoder.ts';
import { el, part } from '../dom.ts';

/** What a check's browser socket did, as the browser saw it (see checks/probe.ts). */
export interface ClientNote {
  socket: number;
  text: string;
}

interface Row {
  label: string;
  text: string;
  hex: string | undefined;
}

/** Kept per list, so a long run cannot grow the page without bound. */
const maxRows = 200;

/**
 * <duplex-lab-view>: the two sides of a lab, side by side. Left, the browser sockets' events
 * (open, messages, close code) as the checks' real WebSockets saw them; right, the bytes the
 * tunnel carried to and from the learner's server, decoded into the head and frame fields.
 * It listens to the run events that bubble from the playground beside it.
 */
class DuplexLabView extends HTMLElement {
  #decoders = new Map<string, WireDecoder>();
  /** The live lab's ws:// URL, or null when no run serves one. */
  #labUrl: string | null = null;
  /** Rows waiting for the next animation frame, per list. */
  #pending: Record<'clients' | 'wire', Row[]> = { clients: [], wire: [] };
  #frame = 0;
  /** The conformance run in progress: Stop (or a new run) ends it. */
  #suite: AbortController | null = null;

  connectedCallback() {
    const host = this.closest('duplex-exercise') ?? this.parentElement;
    if (!host) return;
    host.addEventListener('duplex:run-start', () => this.#reset());
    host.addEventListener('duplex:run-stop', () => this.#setLab(null));
    part<HTMLButtonElement>(this, '[data-action="conformance"]').addEventListener('click', () => void this.#conformance());
    host.addEventListener('duplex:run-event', (event) => {
      const detail = (event as CustomEvent<{ type: string }>).detail;
      if (detail.type === 'lab') this.#onLab(detail as LabRunEvent);
    });
    host.addEventListener('duplex:lab-client', (event) => {
      const { socket, text } = (event as CustomEvent<ClientNote>).detail;
      // Socket 0 is the checks' raw client (fragments, pings: what a browser's API cannot send).
      this.#row('clients', socket === 0 ? 'raw client' : `socket ${socket}`, text);
    });
  }

  #reset() {
    this.#decoders.clear();
    this.#pending = { clients: [], wire: [] };
    this.#setLab(null);
    part<HTMLElement>(this, '[data-role="clients"]').replaceChildren();
    part<HTMLElement>(this, '[data-role="wire"]').replaceChildren();
    this.#status('Opening your lab…');
  }

  #onLab(event: LabRunEvent) {
    if (event.event === 'ready') {
      this.#setLab(event.url);
      return this.#status(`Your server is live at ${event.path}: the check connects browser sockets to it.`);
    }
    if (event.event === 'notice') return this.#row('wire', 'lab', event.message);
    if (event.event === 'open') return this.#row('wire', `#${event.connection}`, 'a browser connected');
    if (event.event === 'closed') return this.#row('wire', `#${event.connection}`, `closed: ${event.reason} (${event.message})`);
    const key = `${event.connection}-${event.direction}`;
    let decoder = this.#decoders.get(key);
    if (!decoder) this.#decoders.set(key, (decoder = new WireDecoder()));
    const arrow = event.direction === 'in' ? 'browser → you' : 'you → browser';
    for (const piece of decoder.feed(event.bytes)) {
      this.#row('wire', `#${event.connection} ${arrow}`, `${piece.kind} (${piece.fields}) ${piece.preview}`, piece.hex);
    }
  }

  #setLab(url: string | null) {
    this.#labUrl = url;
    if (url === null) this.#suite?.abort();
    part<HTMLButtonElement>(this, '[data-action="conformance"]').disabled = url === null;
  }

  /** The conformance suite, loaded on first use, run from this page against the live lab. */
  async #conformance() {
    const url = this.#labUrl;
    if (url === null) return;
    const button = part<HTMLButtonElement>(this, '[data-action="conformance"]');
    button.disabled = true;
    const suite = (this.#suite = new AbortController());
    try {
      const { runConformancePanel } = await import('./conformance-panel.ts');
      await runConformancePanel(this, url, suite.signal);
    } finally {
      if (this.#suite === suite) this.#suite = null;
      button.disabled = this.#labUrl === null;
    }
  }

  #status(text: string) {
    part<HTMLElement>(this, '[data-role="lab-status"]').textContent = text;
  }

  #row(list: 'clients' | 'wire', label: string, text: string, hex?: string) {
    const pending = this.#pending[list];
    pending.push({ label, text, hex });
    // Only the rows that will stay are ever built: a flood between two frames costs no DOM.
    if (pending.length > maxRows) pending.splice(0, pending.length - maxRows);
    this.#frame ||= requestAnimationFrame(() => this.#flush());
  }

  /** Draws the rows that came since the last animation frame, at most once per frame. */
  #flush() {
    this.#frame = 0;
    for (const list of ['clients', 'wire'] as const) {
      const rows = this.#pending[list].splice(0);
      if (rows.length === 0) continue;
      const target = part<HTMLOListElement>(this, `[data-role="${list}"]`);
      // Learner bytes and browser messages stay text: el() never parses HTML.
      target.append(...rows.map(({ label, text, hex }) => el('li', {}, el('strong', {}, `${label}: `), text, hex ? el('br') : null, hex ? el('code', {}, hex) : null)));
      while (target.children.length > maxRows) target.firstElementChild?.remove();
    }
  }
}

customElements.define('duplex-lab-view', DuplexLabView);
