import type { Transport, TransportStats } from '../../../protocol/feed.ts';
import type { FeedEvent } from '../../../protocol/feed.ts';
import { serverOrigin } from '../socket/server-origin.ts';
import { latencyOf, type Delivery } from './latency.ts';
import { part, whenNearView } from '../dom.ts';
import { drawChart, drawLegend, drawResults, drawScalability, transports } from './race-view.ts';

/** A race stops by itself, so a forgotten tab does not poll forever. */
const raceSeconds = 30;
const allowedIntervals = new Set([250, 500, 1000, 2000, 5000]);

/**
 * <duplex-race>: short polling, long polling, SSE and a WebSocket read the server's one event
 * feed side by side. The page measures latency per event; the server counts requests and bytes
 * for this race's client tag, and the page turns them into the scalability arithmetic.
 */
class DuplexRace extends HTMLElement {
  #race: AbortController | null = null;
  #deliveries: Delivery[] = [];
  #stats: TransportStats[] = [];
  #client = '';
  #seen = new Set<string>();
  #fetchStats: typeof import('./stats.ts').fetchStats | null = null;


  connectedCallback() {
    const toggle = part<HTMLButtonElement>(this, '[data-role="toggle"]');
    toggle.disabled = false;
    toggle.addEventListener('click', () => (this.#race ? this.#stop() : void this.#start()));
    drawLegend(part<HTMLElement>(this, '[data-role="legend"]'));
    addEventListener('pagehide', () => this.#stop());
    this.dataset.ready = '';
    whenNearView(this, () => void this.#sayWhetherReady());
  }

  /** The page's static text says what the race needs; with script running, say whether the server is there. */
  async #sayWhetherReady() {
    const server = serverOrigin();
    this.#say('Looking for the Duplex server…');
    try {
      const response = await fetch(new URL('/healthz', server), { cache: 'no-store', signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(String(response.status));
      if (!this.#race) this.#say('Ready: press Start the race.');
    } catch {
      if (!this.#race) this.#say(`The Duplex server does not answer at ${server}: start it (npm start), then reload this page.`);
    }
  }

  disconnectedCallback() {
    this.#stop();
  }

  #interval(): number {
    const value = Number(part<HTMLSelectElement>(this, '[data-role="interval"]').value);
    return allowedIntervals.has(value) ? value : 1000;
  }

  async #start() {
    // The transports and their schemas (zod) load on the first Start, not with the page.
    const [{ feedClients }, { fetchStats }] = await Promise.all([import('./feed-clients.ts'), import('./stats.ts')]);
    if (this.#race) return; // a second click while the modules were loading
    this.#fetchStats = fetchStats;
    const race = new AbortController();
    this.#race = race;
    this.#deliveries = [];
    this.#stats = [];
    this.#seen.clear();
    this.#client = `race-${crypto.randomUUID().slice(0, 12)}`;
    const server = serverOrigin();
    const onEvent = (transport: Transport, event: FeedEvent, receivedAt: number) => {
      const key = `${transport}#${event.seq}`;
      if (this.#seen.has(key)) return; // a replayed event is not a second delivery
      this.#seen.add(key);
      this.#deliveries.push({ transport, seq: event.seq, latencyMs: latencyOf(event.at, receivedAt) });
      this.#render();
    };
    for (const transport of transports) {
      feedClients[transport]({ server, client: this.#client, onEvent, shortPollIntervalMs: this.#interval(), signal: race.signal });
    }
    const refresh = setInterval(() => void this.#refreshStats(race.signal), 1000);
    const end = setTimeout(() => this.#stop(), raceSeconds * 1000);
    race.signal.addEventListener('abort', () => (clearInterval(refresh), clearTimeout(end)), { once: true });
    part<HTMLButtonElement>(this, '[data-role="toggle"]').textContent = 'Stop the race';
    part<HTMLSelectElement>(this, '[data-role="interval"]').disabled = true;
    this.#say(`Racing for ${raceSeconds} s: one event a second from the server, four ways.`);
    this.dataset.state = 'running';
  }

  #stop() {
    if (!this.#race) return;
    this.#race.abort();
    this.#race = null;
    part<HTMLButtonElement>(this, '[data-role="toggle"]').textContent = 'Start the race';
    part<HTMLSelectElement>(this, '[data-role="interval"]').disabled = false;
    // One last count once the closing requests have been counted.
    setTimeout(() => void this.#refreshStats().then(() => {
      this.#say('Finished. The byte counts are the server’s, for this race only.');
      this.dataset.state = 'finished';
    }), 300);
  }

  async #refreshStats(signal?: AbortSignal) {
    try {
      if (!this.#fetchStats) return;
      this.#stats = await this.#fetchStats(serverOrigin(), this.#client, signal);
      this.#render();
    } catch {
      // A missed refresh is shown by the next one.
    }
  }

  #render() {
    drawChart(part<SVGSVGElement>(this, '[data-role="chart"]'), this.#deliveries);
    drawResults(part<HTMLTableSectionElement>(this, '[data-role="results"]'), this.#deliveries, this.#stats);
    drawScalability(part<HTMLTableSectionElement>(this, '[data-role="scalability"]'), this.#stats);
  }

  #say(text: string) {
    part<HTMLElement>(this, '[data-role="status"]').textContent = text;
  }
}

customElements.define('duplex-race', DuplexRace);
