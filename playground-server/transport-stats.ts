import type { Transport, TransportStats } from '../protocol/feed.ts';
import type { Sample } from './metrics.ts';

const transports: readonly Transport[] = ['short-poll', 'long-poll', 'sse', 'websocket'];

/** Client tags remembered at most; the oldest is forgotten first, so memory stays bounded. */
const MAX_CLIENTS = 1000;

type Counts = Omit<TransportStats, 'transport'>;
const zero = (): Counts => ({ requests: 0, delivered: 0, bytesIn: 0, bytesOut: 0 });
const table = () => new Map(transports.map((t) => [t, zero()]));

/** Requests, deliveries and wire bytes per transport, for the server and per `?client=` tag. */
export class TransportCounters {
  readonly #total = table();
  readonly #byClient = new Map<string, Map<Transport, Counts>>();

  add(transport: Transport, client: string | null, delta: Partial<Counts>): void {
    const targets = [this.#total.get(transport)!];
    if (client !== null) {
      let mine = this.#byClient.get(client);
      if (!mine) {
        if (this.#byClient.size >= MAX_CLIENTS) this.#byClient.delete(this.#byClient.keys().next().value!);
        this.#byClient.set(client, (mine = table()));
      }
      targets.push(mine.get(transport)!);
    }
    for (const counts of targets) {
      counts.requests += delta.requests ?? 0;
      counts.delivered += delta.delivered ?? 0;
      counts.bytesIn += delta.bytesIn ?? 0;
      counts.bytesOut += delta.bytesOut ?? 0;
    }
  }

  /** Every transport in a fixed order, zeros included, for the server or for one client tag. */
  snapshot(client: string | null): TransportStats[] {
    const source = client === null ? this.#total : (this.#byClient.get(client) ?? table());
    return transports.map((transport) => ({ transport, ...source.get(transport)! }));
  }

  samples(): Sample[] {
    const rows = this.snapshot(null);
    const sample = (name: string, help: string, field: keyof Counts, extra: Record<string, string> = {}) => ({
      name,
      help,
      type: 'counter' as const,
      values: rows.map((row) => ({ labels: { transport: row.transport, ...extra }, value: row[field] })),
    });
    return [
      sample('duplex_transport_requests_total', 'Requests (or WebSocket connections) per event-feed transport.', 'requests'),
      sample('duplex_transport_delivered_total', 'Feed events delivered per transport.', 'delivered'),
      {
        ...sample('duplex_transport_bytes_total', 'Bytes on the wire per transport, headers and framing included.', 'bytesIn', { direction: 'in' }),
        values: [
          ...rows.map((row) => ({ labels: { transport: row.transport, direction: 'in' }, value: row.bytesIn })),
          ...rows.map((row) => ({ labels: { transport: row.transport, direction: 'out' }, value: row.bytesOut })),
        ],
      },
    ];
  }
}
