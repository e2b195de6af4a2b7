import type { InspectCommand } from '../../../../protocol/inspect.ts';
import { traceId, WorkerMessage, type Language, type RunEvent, type RunRequest, type WatchReady } from './run-protocol.ts';
import { serverOrigin } from '../../socket/server-origin.ts';
import { ServerView } from '../server-view/server-view.ts';

export interface Run {
  /** Ends the run at once, runaway loops, open sockets and their server view included. */
  stop(): void;
  /** Asks the server to misbehave for this run's connections only. */
  fault(command: InspectCommand): void;
}

/** A short random id naming this run's traces on the server (see /ws/inspect). */
function newRunId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('');
}

/**
 * Starts learner code in a fresh module worker and streams validated events back: the worker's
 * (console, sockets) and the server's view of each socket, which the page watches itself. A
 * socket opens only once its trace is watched, so the server view misses none of its frames.
 */
export function startRun(code: string, language: Language, onEvent: (event: RunEvent) => void): Run {
  const server = serverOrigin();
  const run = newRunId();
  const links = new ServerView(server, onEvent);
  const worker = new Worker(new URL('./run-worker.ts', import.meta.url), { type: 'module', name: 'duplex-run' });
  worker.addEventListener('message', (message: MessageEvent<unknown>) => {
    const parsed = WorkerMessage.safeParse(message.data);
    if (!parsed.success) return;
    const { data } = parsed;
    if (data.type === 'batch') return data.events.forEach(onEvent);
    if (data.type !== 'watch') return onEvent(data);
    void links.watch(traceId(run, data.socket), data.socket).then(() => worker.postMessage({ type: 'watching', socket: data.socket } satisfies WatchReady));
  });
  worker.addEventListener('error', (error) => {
    onEvent({ type: 'failed', message: error.message || 'the run could not start', at: performance.timeOrigin + performance.now() });
  });
  worker.postMessage({ type: 'run', code, language, server, run } satisfies RunRequest);
  return {
    stop: () => {
      worker.terminate();
      links.close();
    },
    fault: (command) => links.fault(command),
  };
}
