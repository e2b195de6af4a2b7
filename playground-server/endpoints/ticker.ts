import { Tick, tickerInterval } from '../../protocol/ticker.ts';
import type { WsEndpoint } from './types.ts';

/** Reads `?interval=` or refuses the upgrade with the allowed range. */
function intervalFrom(url: URL): number | null {
  const raw = url.searchParams.get('interval');
  if (raw === null) return tickerInterval.default;
  const ms = Number(raw);
  return /^\d+$/.test(raw) && ms >= tickerInterval.min && ms <= tickerInterval.max ? ms : null;
}

/**
 * `WS /ws/ticker?interval=<ms>`: numbered ticks pushed on the server's own clock while
 * every client message is echoed back — both directions at once on one connection.
 */
export const tickerEndpoint: WsEndpoint<{ interval: number }> = {
  name: 'ticker',
  match(url) {
    if (url.pathname !== '/ws/ticker') return null;
    const interval = intervalFrom(url);
    if (interval === null) {
      return { status: 400, reason: `interval must be a whole number of ms from ${tickerInterval.min} to ${tickerInterval.max}` };
    }
    return { params: { interval } };
  },
  open(ws, _req, { interval }) {
    let n = 0;
    const timer = setInterval(() => {
      const tick: Tick = { type: 'tick', n: ++n, at: Date.now() };
      ws.send(JSON.stringify(tick));
    }, interval);
    ws.on('close', () => clearInterval(timer));
    ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
  },
};
