import { CloseCode } from '../../../protocol/close-codes.ts';
import { serverOrigin } from '../socket/server-origin.ts';
import { part } from '../dom.ts';

interface ProbeResult {
  duplexOriginProbe: true;
  opened: boolean;
  code: number;
}

/** What the probe frame reports back, checked: any frame may post messages to this page. */
function isProbeResult(data: unknown): data is ProbeResult {
  if (typeof data !== 'object' || data === null) return false;
  const { duplexOriginProbe, opened, code } = data as Record<string, unknown>;
  return duplexOriginProbe === true && typeof opened === 'boolean' && typeof code === 'number';
}

const echoUrl = () => {
  const url = new URL('/ws/echo', serverOrigin());
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
};

/** A page with no origin of its own (sandboxed, so its Origin header is "null") tries the echo endpoint. */
function probeScript(url: string): string {
  return `<script>
    const socket = new WebSocket(${JSON.stringify(url)});
    let opened = false;
    socket.onopen = () => { opened = true; socket.close(CloseCode.normal); };
    socket.onclose = (event) => parent.postMessage({ duplexOriginProbe: true, opened, code: event.code }, '*');
  </script>`;
}

/**
 * <duplex-origin-demo>: opens the same socket twice, once from this page and once from a
 * sandboxed frame standing in for another site, and shows the server's Origin check at work.
 */
class DuplexOriginDemo extends HTMLElement {
  #frame: HTMLIFrameElement | null = null;


  connectedCallback() {
    const here = part<HTMLButtonElement>(this, '[data-role="here"]');
    const foreign = part<HTMLButtonElement>(this, '[data-role="foreign"]');
    here.disabled = foreign.disabled = false;
    here.addEventListener('click', () => this.#fromThisPage());
    foreign.addEventListener('click', () => this.#fromElsewhere());
    addEventListener('message', (event) => {
      if (!this.#frame || event.source !== this.#frame.contentWindow) return;
      const result: unknown = event.data;
      if (!isProbeResult(result)) return;
      this.#say('foreign', result.opened ? `opened (code ${result.code})` : `refused: the socket never opened, close code ${result.code}`);
      this.#frame.remove();
      this.#frame = null;
    });
    this.dataset.ready = '';
  }

  #say(role: 'here-result' | 'foreign', text: string) {
    part<HTMLElement>(this, `[data-role="${role === 'foreign' ? 'foreign-result' : role}"]`).textContent = text;
  }

  #fromThisPage() {
    this.#say('here-result', 'connecting…');
    const socket = new WebSocket(echoUrl());
    socket.onopen = () => {
      this.#say('here-result', 'opened: this page’s origin is allowed');
      socket.close(CloseCode.normal, 'demo done');
    };
    socket.onerror = () => this.#say('here-result', 'refused');
  }

  #fromElsewhere() {
    this.#say('foreign', 'connecting…');
    this.#frame?.remove();
    const frame = document.createElement('iframe');
    frame.sandbox.add('allow-scripts');
    frame.hidden = true;
    frame.title = 'Origin probe';
    frame.srcdoc = probeScript(echoUrl());
    this.#frame = frame;
    this.append(frame);
  }
}

customElements.define('duplex-origin-demo', DuplexOriginDemo);
