import { CloseCode } from '../../../protocol/close-codes.ts';
import { FeedEvent, PollResponse, type Transport } from '../../../protocol/feed.ts';
import { socketUrl } from '../socket/socket-url.ts';

/** What every transport reports: an event of the shared feed and when this page received it. */
export type OnEvent = (transport: Transport, event: FeedEvent, receivedAt: number) => void;

export interface FeedClientOptions {
  server: string;
  /** Tags every request and connection so the server counts this race's bytes apart. */
  client: string;
  onEvent: OnEvent;
  shortPollIntervalMs: number;
  /** Ends every loop and connection of this transport. */
  signal: AbortSignal;
}

const url = (options: FeedClientOptions, path: string, params: Record<string, string | number> = {}) => {
  const target = new URL(path, options.server);
  target.searchParams.set('client', options.client);
  for (const [key, value] of Object.entries(params)) target.searchParams.set(key, String(value));
  return target;
};

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

async function poll(options: FeedClientOptions, path: string, since: number | null): Promise<PollResponse> {
  const response = await fetch(url(options, path, since === null ? {} : { since }), { cache: 'no-store', signal: options.signal });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return PollResponse.parse(await response.json());
}

/** Polling loop shared by short and long polling: they differ only in the path and the pause. */
async function pollLoop(options: FeedClientOptions, transport: Transport, path: string, pauseMs: number) {
  const { signal } = options;
  let since = (await poll(options, '/poll/events', null)).latestSeq;
  while (!signal.aborted) {
    try {
      const answer = await poll(options, path, since);
      const receivedAt = Date.now();
      for (const event of answer.events) options.onEvent(transport, event, receivedAt);
      since = Math.max(since, answer.latestSeq);
    } catch {
      if (signal.aborted) return;
      await pause(1000, signal); // the server restarting must not turn this loop into a flood
      continue;
    }
    if (pauseMs > 0) await pause(pauseMs, signal);
  }
}

function parseEvent(text: unknown): FeedEvent | null {
  if (typeof text !== 'string') return null;
  try {
    const parsed = FeedEvent.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const feedClients: Record<Transport, (options: FeedClientOptions) => void> = {
  'short-poll': (options) => void pollLoop(options, 'short-poll', '/poll/events', options.shortPollIntervalMs),
  'long-poll': (options) => void pollLoop(options, 'long-poll', '/poll/long', 0),
  sse(options) {
    const source = new EventSource(url(options, '/sse/events'));
    source.onmessage = (message) => {
      const event = parseEvent(message.data);
      if (event) options.onEvent('sse', event, Date.now());
    };
    options.signal.addEventListener('abort', () => source.close(), { once: true });
  },
  websocket(options) {
    const socket = new WebSocket(socketUrl(url(options, '/ws/events').href, location.href));
    socket.onmessage = (message) => {
      const event = parseEvent(message.data);
      if (event) options.onEvent('websocket', event, Date.now());
    };
    options.signal.addEventListener('abort', () => socket.close(CloseCode.normal, 'race over'), { once: true });
  },
};
