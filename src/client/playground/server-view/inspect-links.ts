/// <reference lib="webworker" />
import type { RunEvent } from '../runner/run-protocol.ts';

/** How long a socket waits for its server view before opening without it. */
const watchTimeoutMs = 1500;

const now = () => performance.timeOrigin + performance.now();

/**
 * The run worker's side of `/ws/inspect`: one plain WebSocket per traced learner socket. Its
 * events are relayed to the page unparsed (the page validates them with the shared schema),
 * and faults the page asks for are sent on it.
 */
export class InspectLinks {
  #links = new Set<WebSocket>();
  #serverOrigin: string;
  #post: (event: RunEvent) => void;

  constructor(serverOrigin: string, post: (event: RunEvent) => void) {
    this.#serverOrigin = serverOrigin;
    this.#post = post;
  }

  /** Resolves once the server watches `trace` — or could not (no inspect endpoint, timeout). */
  watch(trace: string, socket: number): Promise<void> {
    const url = new URL('/ws/inspect', this.#serverOrigin);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('trace', trace);
    const link = new WebSocket(url);
    link.addEventListener('message', (message: MessageEvent<unknown>) => {
      if (typeof message.data !== 'string') return;
      try {
        this.#post({ type: 'inspect', socket, at: now(), event: JSON.parse(message.data) });
      } catch {
        // Not JSON: nothing the page could draw.
      }
    });
    link.addEventListener('close', () => this.#links.delete(link));
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, watchTimeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      link.addEventListener('open', () => {
        this.#links.add(link);
        done();
      });
      link.addEventListener('error', done);
    });
  }

  /** A fault for every traced socket of the run. */
  send(command: unknown): void {
    const text = JSON.stringify(command);
    for (const link of this.#links) link.send(text);
  }

  get watching(): number {
    return this.#links.size;
  }
}
