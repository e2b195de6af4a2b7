import type { Transport, TransportStats } from '../../../protocol/feed.ts';
import { roundTicks } from './axis.ts';
import { summarize, type Delivery } from './latency.ts';
import { bytesPerDelivered, clientCounts, formatMbps, lubbersGreco, megabitsPerSecond } from './scalability.ts';

export const transports: readonly Transport[] = ['short-poll', 'long-poll', 'sse', 'websocket'];

export const labels: Record<Transport, string> = {
  'short-poll': 'Short polling',
  'long-poll': 'Long polling',
  sse: 'Server-Sent Events',
  websocket: 'WebSocket',
};

/** Colour and dash per series, so the chart does not rely on colour alone. */
const series: Record<Transport, { color: string; dash: string }> = {
  'short-poll': { color: '#d97706', dash: '6 3' },
  'long-poll': { color: '#9333ea', dash: '2 3' },
  sse: { color: '#0891b2', dash: '10 3 2 3' },
  websocket: { color: '#16a34a', dash: '' },
};

const svgNs = 'http://www.w3.org/2000/svg';
const shown = 30;

function svg<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(svgNs, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

const ms = (value: number | null) => (value === null ? '–' : `${Math.round(value)} ms`);

/**
 * Latency per event, one line per transport, for the last 30 events of the race. The x axis
 * starts at the race's first event, so the lines grow from the left and scroll once 30 are in;
 * the y axis is marked on round numbers, its unit above it and the x caption below, apart.
 */
export function drawChart(chart: SVGSVGElement, deliveries: readonly Delivery[]): void {
  // One chart unit per CSS pixel (up to 560): a fixed 560-wide viewBox scaled down to a phone
  // drew its 11 px labels at 7 px. Narrower than 320 it scales, a little.
  const width = Math.min(560, Math.max(320, Math.round(chart.clientWidth) || 560));
  const height = 200;
  chart.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const pad = { left: 44, right: 8, top: 22, bottom: 24 };
  const seqs = deliveries.map((d) => d.seq);
  const lastSeq = Math.max(0, ...seqs);
  const firstSeq = Math.max(Math.min(lastSeq, ...seqs), lastSeq - shown + 1);
  const recent = deliveries.filter((d) => d.seq >= firstSeq);
  const ticks = roundTicks(Math.max(100, ...recent.map((d) => d.latencyMs)));
  const top = ticks.at(-1) ?? 100;
  const x = (seq: number) => pad.left + ((seq - firstSeq) / (shown - 1)) * (width - pad.left - pad.right);
  const y = (latency: number) => height - pad.bottom - (latency / top) * (height - pad.top - pad.bottom);
  const parts: SVGElement[] = [
    svg('line', { x1: pad.left, y1: y(0), x2: width - pad.right, y2: y(0), class: 'axis' }),
    svg('line', { x1: pad.left, y1: pad.top, x2: pad.left, y2: y(0), class: 'axis' }),
  ];
  const text = (content: string, attributes: Record<string, string | number>) => {
    const label = svg('text', { class: 'tick', ...attributes });
    label.textContent = content;
    parts.push(label);
  };
  for (const value of ticks) text(String(value), { x: pad.left - 4, y: y(value) + 4, 'text-anchor': 'end' });
  text('latency, ms', { x: 4, y: 10 });
  text('event number →', { x: (pad.left + width - pad.right) / 2, y: height - 4, 'text-anchor': 'middle' });
  for (const transport of transports) {
    const points = recent.filter((d) => d.transport === transport).sort((a, b) => a.seq - b.seq);
    if (points.length === 0) continue;
    const { color, dash } = series[transport];
    parts.push(svg('polyline', { points: points.map((p) => `${x(p.seq)},${y(p.latencyMs)}`).join(' '), fill: 'none', stroke: color, 'stroke-width': 2, 'stroke-dasharray': dash }));
  }
  chart.replaceChildren(...parts);
  const medians = transports.map((transport) => `${labels[transport]} ${ms(summarize(deliveries, transport).medianMs)}`);
  chart.setAttribute('aria-label', `Delivery latency per event. Median: ${medians.join(', ')}. Exact figures in the table below.`);
}

/** The legend is static: the same colours and dashes as the chart lines. */
export function drawLegend(legend: HTMLElement): void {
  legend.replaceChildren(
    ...transports.map((transport) => {
      const item = document.createElement('li');
      const swatch = svg('svg', { width: 28, height: 10, 'aria-hidden': 'true' });
      swatch.append(svg('line', { x1: 0, y1: 5, x2: 28, y2: 5, stroke: series[transport].color, 'stroke-width': 3, 'stroke-dasharray': series[transport].dash }));
      item.append(swatch, ` ${labels[transport]}`);
      return item;
    }),
  );
}

function row(cells: string[], header = true): HTMLTableRowElement {
  const tr = document.createElement('tr');
  cells.forEach((text, i) => {
    const cell = document.createElement(i === 0 && header ? 'th' : 'td');
    if (i === 0 && header) cell.setAttribute('scope', 'row');
    cell.textContent = text;
    tr.append(cell);
  });
  return tr;
}

const bytes = (value: number) => value.toLocaleString('en');

/** One row per transport: what the page saw (latency) and what the server counted (requests, bytes). */
export function drawResults(body: HTMLTableSectionElement, deliveries: readonly Delivery[], stats: readonly TransportStats[]): void {
  body.replaceChildren(
    ...transports.map((transport) => {
      const latency = summarize(deliveries, transport);
      const counted = stats.find((s) => s.transport === transport);
      const perEvent = counted ? bytesPerDelivered(counted) : null;
      return row([
        labels[transport],
        String(latency.count),
        ms(latency.medianMs),
        ms(latency.maxMs),
        counted ? bytes(counted.requests) : '–',
        counted ? bytes(counted.bytesIn + counted.bytesOut) : '–',
        perEvent === null ? '–' : bytes(Math.round(perEvent)),
      ]);
    }),
  );
}

/** Bandwidth for 1,000 / 10,000 / 100,000 clients at one event per second, from the measured bytes. */
export function drawScalability(body: HTMLTableSectionElement, stats: readonly TransportStats[]): void {
  const measured = transports.flatMap((transport) => {
    const counted = stats.find((s) => s.transport === transport);
    const perEvent = counted ? bytesPerDelivered(counted) : null;
    if (perEvent === null) return [];
    return [row([`${labels[transport]} (measured, ${bytes(Math.round(perEvent))} B per event)`, ...clientCounts.map((c) => `${formatMbps(megabitsPerSecond(perEvent, c))} Mbps`)])];
  });
  const paper = [
    row([`Polling, Lubbers & Greco 2010 (${lubbersGreco.pollHeaderBytes} B of headers)`, ...clientCounts.map((c) => `${formatMbps(megabitsPerSecond(lubbersGreco.pollHeaderBytes, c))} Mbps`)]),
    row([`WebSocket, Lubbers & Greco 2010 (${lubbersGreco.websocketFrameBytes} B of framing)`, ...clientCounts.map((c) => `${formatMbps(megabitsPerSecond(lubbersGreco.websocketFrameBytes, c))} Mbps`)]),
  ];
  body.replaceChildren(...measured, ...paper);
}
