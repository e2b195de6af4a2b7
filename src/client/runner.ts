import { RunEvent, type RunRequest } from './run-protocol.ts';
import { serverOrigin } from './server-origin.ts';

export interface Run {
  /** Ends the run at once, runaway loops and open sockets included. */
  stop(): void;
}

/** Starts learner code in a fresh module worker and streams validated events back. */
export function startRun(code: string, onEvent: (event: RunEvent) => void): Run {
  const worker = new Worker(new URL('./run-worker.ts', import.meta.url), { type: 'module', name: 'duplex-run' });
  worker.addEventListener('message', (message: MessageEvent<unknown>) => {
    const parsed = RunEvent.safeParse(message.data);
    if (parsed.success) onEvent(parsed.data);
  });
  worker.addEventListener('error', (error) => {
    onEvent({ type: 'failed', message: error.message || 'the run could not start', at: performance.timeOrigin + performance.now() });
  });
  const request: RunRequest = { type: 'run', code, server: serverOrigin() };
  worker.postMessage(request);
  return { stop: () => worker.terminate() };
}
