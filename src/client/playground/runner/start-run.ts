import type { InspectCommand } from '../../../../protocol/inspect.ts';
import { RunEvent, type FaultRequest, type Language, type RunRequest } from './run-protocol.ts';
import { serverOrigin } from '../../socket/server-origin.ts';

export interface Run {
  /** Ends the run at once, runaway loops and open sockets included. */
  stop(): void;
  /** Asks the server to misbehave for this run's connections only. */
  fault(command: InspectCommand): void;
}

/** A short random id naming this run's traces on the server (see /ws/inspect). */
function newRunId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('');
}

/** Starts learner code in a fresh module worker and streams validated events back. */
export function startRun(code: string, language: Language, onEvent: (event: RunEvent) => void): Run {
  const worker = new Worker(new URL('./run-worker.ts', import.meta.url), { type: 'module', name: 'duplex-run' });
  worker.addEventListener('message', (message: MessageEvent<unknown>) => {
    const parsed = RunEvent.safeParse(message.data);
    if (parsed.success) onEvent(parsed.data);
  });
  worker.addEventListener('error', (error) => {
    onEvent({ type: 'failed', message: error.message || 'the run could not start', at: performance.timeOrigin + performance.now() });
  });
  const request: RunRequest = { type: 'run', code, language, server: serverOrigin(), run: newRunId() };
  worker.postMessage(request);
  return {
    stop: () => worker.terminate(),
    fault: (command) => worker.postMessage({ type: 'fault', command } satisfies FaultRequest),
  };
}
