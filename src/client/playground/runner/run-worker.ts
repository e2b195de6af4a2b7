/// <reference lib="webworker" />
import { WorkerInbox, type RunRequest, type SocketEvent, type WorkerMessage } from './run-protocol.ts';
import { batcher } from './batcher.ts';
import { createConnect, socketCounter } from './connect.ts';
import { createEventSource, createFetch } from './instrument-http.ts';
import { createWebSocket } from './instrument-websocket.ts';
import { describeFailure, type Failure } from './failure.ts';
import { formatValue } from './format.ts';
import { createServe } from '../../lab/serve.ts';

/**
 * The learner's code runs here, in a module Web Worker: same origin as the page (so the
 * server's Origin check accepts it), but its own thread, so Stop = worker.terminate() ends
 * even `while (true) {}` at once — and every socket with it. It carries only the learner's own
 * sockets: the server's view of them (`/ws/inspect`) is the page's (see server-view/).
 */
declare const self: DedicatedWorkerGlobalScope;

const now = () => performance.timeOrigin + performance.now();
// Data frames come by the thousand a second: they travel in batches. Everything else (a log
// line, an open, a close) flushes what is held and goes at once, so the page sees it in order.
const frames = batcher<SocketEvent>((events) => self.postMessage({ type: 'batch', events } satisfies WorkerMessage));
const post = (message: WorkerMessage) => {
  if (message.type === 'socket' && (message.event === 'message' || message.event === 'send')) return frames.push(message);
  frames.flush();
  self.postMessage(message);
};

function capture(level: 'log' | 'info' | 'warn' | 'error') {
  return (...values: unknown[]) => post({ type: 'console', level, text: values.map(formatValue).join(' '), at: now() });
}

const playgroundConsole = { log: capture('log'), info: capture('info'), warn: capture('warn'), error: capture('error'), debug: capture('log') };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
const parameters = ['connect', 'serve', 'log', 'sleep', 'console', 'fetch', 'WebSocket', 'EventSource', 'sampleKey'] as const;

/**
 * Lines V8 puts before the learner's first line in a Function's source (its generated
 * `function anonymous(…) {` header), measured with a probe rather than assumed.
 */
const lineOffset = (() => {
  const stack = String(new Function(...parameters, 'return new Error().stack')());
  const line = Number(/<anonymous>:(\d+):\d+/.exec(stack)?.[1]);
  return line >= 1 ? line - 1 : 0;
})();

const fail = (failure: Failure) => post({ type: 'failed', ...failure, at: now() });

// Uncaught errors in callbacks (a socket's onmessage, a timer) would otherwise vanish. Each is
// reported once: preventDefault keeps it from reaching the page's worker.onerror as well.
self.addEventListener('error', (event) => {
  event.preventDefault();
  fail(describeFailure(event.error ?? event.message, lineOffset));
});
self.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  fail(describeFailure(event.reason, lineOffset));
});

/** A Sec-WebSocket-Key as a browser makes one (16 random bytes, base64), new for every run. */
function freshKey(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

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
  const nextSocket = socketCounter();
  const connect = createConnect(server, post, tracing, nextSocket);
  // The worker owns the lab link: the learner's server lives here, so its bytes do too.
  const serve = createServe(server, (report) => post({ type: 'lab', at: now(), ...report }), (url) => new WebSocket(url));
  // The learner's code sees instrumented twins of the platform's network APIs, so a check reads
  // what the code did (requests made, bytes sent, who closed) and not only what it printed.
  const sampleKey = freshKey();
  const globals: Record<(typeof parameters)[number], unknown> = {
    connect,
    serve,
    log: playgroundConsole.log,
    sleep,
    console: playgroundConsole,
    fetch: createFetch(server, post),
    WebSocket: createWebSocket(server, post, nextSocket),
    EventSource: createEventSource(server, post),
    sampleKey,
  };
  post({ type: 'started', at: now(), sampleKey });
  Object.assign(self, { console: playgroundConsole });
  let program: (...values: unknown[]) => Promise<void>;
  try {
    const source = language === 'typescript' ? (await import('./transpile.ts')).stripTypes(code) : code;
    program = new AsyncFunction(...parameters, source);
  } catch (error) {
    // The code does not parse: say where, as an editor would.
    const place = (await import('./transpile.ts')).syntaxErrorPlace(code, language ?? 'javascript');
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return fail(place ? { message: `${message} at line ${place.line}, column ${place.column}`, ...place } : { message });
  }
  try {
    await program(...parameters.map((name) => globals[name]));
    post({ type: 'finished', at: now() });
  } catch (error) {
    fail(describeFailure(error, lineOffset));
  }
}

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = WorkerInbox.safeParse(event.data);
  if (!message.success) return;
  if (message.data.type === 'run') return void run(message.data);
  waiting.get(message.data.socket)?.();
  waiting.delete(message.data.socket);
});
