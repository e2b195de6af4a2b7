import type { InspectCommand } from '../../../../protocol/inspect.ts';
import type { InspectRunEvent } from '../runner/run-protocol.ts';
import type { ServerViewReport, ServerViewRequest } from './server-view-messages.ts';

/**
 * The page's handle on the server's view of a run: the inspect links themselves run in a worker
 * (inspect-worker.ts) so that a flood of frames costs the page one message per batch.
 */
export class ServerView {
  readonly #worker = new Worker(new URL('./inspect-worker.ts', import.meta.url), { type: 'module', name: 'duplex-server-view' });
  readonly #watching = new Map<number, () => void>();
  #closed = false;

  constructor(serverOrigin: string, report: (event: InspectRunEvent) => void) {
    this.#worker.addEventListener('message', (message: MessageEvent<ServerViewReport>) => {
      if (this.#closed) return;
      const data = message.data;
      if (data.type === 'events') return data.events.forEach(report);
      this.#watching.get(data.socket)?.();
      this.#watching.delete(data.socket);
    });
    this.#send({ type: 'start', server: serverOrigin });
  }

  /** Resolves once the server watches `trace` — or could not (no inspect endpoint, timeout). */
  watch(trace: string, socket: number): Promise<void> {
    if (this.#closed) return Promise.resolve();
    return new Promise((resolve) => {
      this.#watching.set(socket, resolve);
      this.#send({ type: 'watch', trace, socket });
    });
  }

  /** A fault for every traced socket of the run. */
  fault(command: InspectCommand): void {
    this.#send({ type: 'fault', command });
  }

  /** The run is over: no more server view (the worker closes its links, then itself). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#send({ type: 'close' });
    for (const resolve of this.#watching.values()) resolve();
    this.#watching.clear();
  }

  #send(request: ServerViewRequest): void {
    this.#worker.postMessage(request);
  }
}
