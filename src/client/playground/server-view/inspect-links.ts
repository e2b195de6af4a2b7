import { InspectEvent, type InspectCommand } from '../../../../protocol/inspect.ts';
import type { InspectRunEvent } from '../runner/run-protocol.ts';
import { socketUrl } from '../../socket/socket-url.ts';

/** How long a socket waits for its server view before opening without it. */
const watchTimeoutMs = 1500;

const now = () => performance.timeOrigin + performance.now();

/**
 * The page's side of `/ws/inspect` (run in inspect-worker.ts): one plain WebSocket per traced
 * socket of a run. What the server says on it is validated with the shared schema before
 * anything is drawn, and the faults the learner asks for are sent on it.
 */
export class InspectLinks {
  /** Links that opened: faults go to each. */
  #open = new Set<WebSocket>();
  #all = new Set<WebSocket>();
  #closed = false;
  readonly #serverOrigin: string;
  readonly #report: (event: InspectRunEvent) => void;

  constructor(serverOrigin: string, report: (event: InspectRunEvent) => void) {
    this.#serverOrigin = serverOrigin;
    this.#report = report;
  }

  /** Resolves once the server watches `trace` — or could not (no inspect endpoint, timeout). */
  watch(trace: string, socket: number): Promise<void> {
    if (this.#closed) return Promise.resolve();
    const url = new URL(socketUrl('/ws/inspect', this.#serverOrigin));
    url.searchParams.set('trace', trace);
    const link = new WebSocket(url);
    this.#all.add(link);
    link.addEventListener('message', (message: MessageEvent<unknown>) => {
      if (this.#closed || typeof message.data !== 'string') return;
      const event = InspectEvent.safeParse(parseJson(message.data));
      if (event.success) this.#report({ type: 'inspect', socket, at: now(), event: event.data });
    });
    link.addEventListener('close', () => {
      this.#open.delete(link);
      this.#all.delete(link);
    });
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, watchTimeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      link.addEventListener('open', () => {
        this.#open.add(link);
        done();
      });
      link.addEventListener('error', done);
    });
  }

  /** A fault for every traced socket of the run. */
  fault(command: InspectCommand): void {
    const text = JSON.stringify(command);
    for (const link of this.#open) link.send(text);
  }

  /** The run is over: no more server view. */
  close(): void {
    this.#closed = true;
    for (const link of this.#all) link.close();
    this.#all.clear();
    this.#open.clear();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // not JSON: the schema turns it away
  }
}
