/**
 * Counters for `/metrics` (Prometheus text format 0.0.4). Hot paths bump plain numbers on a
 * per-endpoint object; labels are only joined when someone scrapes.
 */

export interface EndpointCounters {
  connections: number;
  messagesIn: number;
  messagesOut: number;
  bytesIn: number;
  bytesOut: number;
}

/** Why the server ended a connection on its own. */
export type DropReason = 'slow_consumer' | 'heartbeat';

/** Why an upgrade or request was refused (the label of duplex_rejections_total). */
export type RejectReason = 'origin' | 'capacity' | 'not_found' | 'bad_request' | 'outage' | 'shutting_down';

export interface Sample {
  name: string;
  help: string;
  type: 'counter' | 'gauge';
  values: { labels: Record<string, string | number>; value: number }[];
}

export class Metrics {
  readonly endpoints = new Map<string, EndpointCounters>();
  readonly drops = new Map<DropReason, number>();
  readonly rejections = new Map<string, { status: number; reason: RejectReason; count: number }>();
  readonly closes = new Map<number, number>();

  endpoint(name: string): EndpointCounters {
    let counters = this.endpoints.get(name);
    if (!counters) {
      counters = { connections: 0, messagesIn: 0, messagesOut: 0, bytesIn: 0, bytesOut: 0 };
      this.endpoints.set(name, counters);
    }
    return counters;
  }

  drop(reason: DropReason): void {
    this.drops.set(reason, (this.drops.get(reason) ?? 0) + 1);
  }

  reject(status: number, reason: RejectReason): void {
    const key = `${status} ${reason}`;
    const entry = this.rejections.get(key) ?? { status, reason, count: 0 };
    entry.count++;
    this.rejections.set(key, entry);
  }

  closed(code: number): void {
    this.closes.set(code, (this.closes.get(code) ?? 0) + 1);
  }

  samples(): Sample[] {
    const perEndpoint = (field: keyof EndpointCounters, extra: Record<string, string> = {}) =>
      [...this.endpoints].map(([endpoint, c]) => ({ labels: { endpoint, ...extra }, value: c[field] }));
    return [
      { name: 'duplex_connections', help: 'Open WebSocket connections.', type: 'gauge', values: perEndpoint('connections') },
      {
        name: 'duplex_messages_total',
        help: 'WebSocket messages, by endpoint and direction (in: from clients).',
        type: 'counter',
        values: [...perEndpoint('messagesIn', { direction: 'in' }), ...perEndpoint('messagesOut', { direction: 'out' })],
      },
      {
        name: 'duplex_message_bytes_total',
        help: 'WebSocket message payload bytes, by endpoint and direction.',
        type: 'counter',
        values: [...perEndpoint('bytesIn', { direction: 'in' }), ...perEndpoint('bytesOut', { direction: 'out' })],
      },
      {
        name: 'duplex_drops_total',
        help: 'Connections the server ended on its own, by reason.',
        type: 'counter',
        values: [...this.drops].map(([reason, value]) => ({ labels: { reason }, value })),
      },
      {
        name: 'duplex_rejections_total',
        help: 'Refused upgrades and requests, by HTTP status and reason.',
        type: 'counter',
        values: [...this.rejections.values()].map(({ status, reason, count }) => ({ labels: { status, reason }, value: count })),
      },
      {
        name: 'duplex_closes_total',
        help: 'Closed WebSocket connections, by close code (1006: no close frame).',
        type: 'counter',
        values: [...this.closes].map(([code, value]) => ({ labels: { code }, value })),
      },
    ];
  }
}

const escapeLabel = (value: string | number) => String(value).replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

/** Renders samples in the Prometheus text exposition format. */
export function renderPrometheus(samples: readonly Sample[]): string {
  const lines: string[] = [];
  for (const sample of samples) {
    lines.push(`# HELP ${sample.name} ${sample.help}`, `# TYPE ${sample.name} ${sample.type}`);
    for (const { labels, value } of sample.values) {
      const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
      lines.push(`${sample.name}${pairs.length ? `{${pairs.join(',')}}` : ''} ${value}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
