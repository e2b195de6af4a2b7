/// <reference lib="webworker" />
import { RunRequest, type RunEvent } from './run-protocol.ts';
import { createConnect } from './socket-helper.ts';
import { formatValue } from './format.ts';

/**
 * The learner's code runs here, in a module Web Worker: same origin as the page (so the
 * server's Origin check accepts it), but its own thread, so Stop = worker.terminate() ends
 * even `while (true) {}` at once.
 */
declare const self: DedicatedWorkerGlobalScope;

const now = () => performance.timeOrigin + performance.now();
const post = (event: RunEvent) => self.postMessage(event);

function capture(level: 'log' | 'info' | 'warn' | 'error') {
  return (...values: unknown[]) => post({ type: 'console', level, text: values.map(formatValue).join(' '), at: now() });
}

const playgroundConsole = { log: capture('log'), info: capture('info'), warn: capture('warn'), error: capture('error'), debug: capture('log') };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Uncaught errors in callbacks (a socket's onmessage, a timer) would otherwise vanish.
self.addEventListener('error', (event) => post({ type: 'failed', message: event.message, at: now() }));
self.addEventListener('unhandledrejection', (event) => post({ type: 'failed', message: formatValue(event.reason), at: now() }));

self.addEventListener('message', async (event: MessageEvent<unknown>) => {
  const request = RunRequest.safeParse(event.data);
  if (!request.success) return;
  const { code, server } = request.data;
  const connect = createConnect(server, post);
  Object.assign(self, { console: playgroundConsole });
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
  try {
    const program = new AsyncFunction('connect', 'log', 'sleep', 'console', code);
    await program(connect, playgroundConsole.log, sleep, playgroundConsole);
    post({ type: 'finished', at: now() });
  } catch (error) {
    post({ type: 'failed', message: formatValue(error), at: now() });
  }
});
