import type { HttpEvent } from './run-protocol.ts';

/** Enough of a body for a check to read a feed answer; a big download is not kept. */
const maxBodyChars = 4 * 1024;

const now = () => performance.timeOrigin + performance.now();

type Report = (event: HttpEvent) => void;

/** Where a learner's relative URL goes: the playground server, as `connect()` resolves paths. */
const resolve = (input: string | URL, serverOrigin: string) => new URL(input, serverOrigin).href;

/** The text of a body, cut, or nothing when it is not text (images, binary downloads). */
async function textStart(response: Response): Promise<string | undefined> {
  const type = response.headers.get('content-type') ?? '';
  // An event stream never ends: reading its clone would hold the report (and memory) forever.
  if (type.startsWith('text/event-stream') || !/^(text\/|application\/json)/.test(type)) return undefined;
  try {
    return (await response.text()).slice(0, maxBodyChars);
  } catch {
    return undefined; // the learner aborted, or the stream broke: the status is still worth reporting
  }
}

/**
 * `fetch` for learner code: the platform's, with relative URLs sent to the playground server,
 * reporting every exchange (method, URL, start, end, status, and the start of a text body) so a
 * check can tell five real polls 300 ms apart from five log lines.
 */
export function createFetch(serverOrigin: string, report: Report, platformFetch: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(resolve(input, serverOrigin), init);
    const startedAt = now();
    const base = { type: 'http', api: 'fetch', method: request.method, url: request.url, startedAt } as const;
    try {
      const response = await platformFetch(request);
      // A clone is read for the report; the learner reads the original at their own pace.
      void textStart(response.clone()).then((body) => report({ ...base, at: now(), status: response.status, ...(body === undefined ? {} : { body }) }));
      return response;
    } catch (error) {
      report({ ...base, at: now(), error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  };
}

/**
 * `EventSource` for learner code: relative URLs to the playground server; the first `open`
 * (status 200) or `error` of each connection attempt is reported as an HTTP exchange.
 */
export function createEventSource(serverOrigin: string, report: Report, Platform: typeof EventSource | undefined = globalThis.EventSource) {
  if (!Platform) return undefined; // not every worker has one (Safari before 17)
  return class InstrumentedEventSource extends Platform {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(resolve(url, serverOrigin), init);
      let startedAt = now();
      const exchange = (extra: Pick<HttpEvent, 'status'> | Pick<HttpEvent, 'error'>) => {
        report({ type: 'http', api: 'eventsource', method: 'GET', url: this.url, startedAt, at: now(), ...extra });
        startedAt = now(); // the browser reconnects by itself; the next attempt starts now
      };
      this.addEventListener('open', () => exchange({ status: 200 }));
      this.addEventListener('error', () => exchange({ error: this.readyState === this.CLOSED ? 'closed for good' : 'connection lost, reconnecting' }));
    }
  };
}
