/// <reference lib="webworker" />
import { WorkerInbox, type RunRequest, type WorkerMessage } from './run-protocol.ts';
import { createConnect } from './connect.ts';
import { formatValue } from './format.ts';

/**
 * The learner's code runs here, in a module Web Worker: same origin as the page (so the
 * server's Origin check accepts it), but its own thread, so Stop = worker.terminate() ends
 * even `while (true) {}` at once — and every socket with it. It carries only the learner's own
 * sockets: the server's view of them (`/ws/inspect`) is the page's (see server-view/).
 */
declare const self: DedicatedWorkerGlobalScope;

const now = () => performance.timeOrigin + performance.now();
const post = (message: WorkerMessage) => self.postMessage(message);

function capture(level: 'log' | 'info' | 'warn' | 'error') {
  return (...values: unknown[]) => post({ type: 'console', level, text: values.map(formatValue).join(' '), at: now() });
}

const playgroundConsole = { log: capture('log'), info: capture('info'), warn: capture('warn'), error: capture('error'), debug: capture('log') };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Uncaught errors in callbacks (a socket's onmessage, a timer) would otherwise vanish.
self.addEventListener('error', (event) => post({ type: 'failed', message: event.message, at: now() }));
self.addEventListener('unhandledrejection', (event) => post({ type: 'failed', message: formatValue(event.reason), at: now() }));

/** Sockets waiting for the page to watch their trace, by socket number. */
const waiting = new Map<number, () => void>();

/** Asks the page to watch socket n's trace; resolves once it says it does (or gave up). */
function watchedByPage(socket: number): Promise<void> {
  return new Promise((resolve) => {
    waiting.set(socket, resolve);
    post({ type: 'watch', socket });
  });
}

async function run({ code, server, language, run: runId }: RunRequest): Promise<void> {
  const tracing = runId ? { run: runId, watch: (_trace: string, socket: number) => watchedByPage(socket) } : undefined;
  const connect = createConnect(server, post, tracing);
  Object.assign(self, { console: playgroundConsole });
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
  try {
    const source = language === 'typescript' ? (await import('./transpile.ts')).stripTypes(code) : code;
    const program = new AsyncFunction('connect', 'log', 'sleep', 'console', source);
    await program(connect, playgroundConsole.log, sleep, playgroundConsole);
    post({ type: 'finished', at: now() });
  } catch (error) {
    post({ type: 'failed', message: formatValue(error), at: now() });
  }
}

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = WorkerInbox.safeParse(event.data);
  if (!message.success) return;
  if (message.data.type === 'run') return void run(message.data);
  waiting.get(message.data.socket)?.();
  waiting.delete(message.data.socket);
});
