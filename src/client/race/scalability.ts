import type { TransportStats } from '../../../protocol/feed.ts';

/**
 * The classic scalability arithmetic: bytes per message × clients × messages per second → bandwidth.
 * Lubbers & Greco (2010), "HTML5 Web Sockets: A Quantum Leap in Scalability for the Web", counted
 * 871 bytes of HTTP headers per poll against 2 bytes of WebSocket framing, for clients receiving
 * one message a second. Their "Mbps" are binary (2^20 bits), which is how 871,000 bytes/s × 8
 * = 6,968,000 bits/s becomes their 6.6 Mbps.
 */
export const lubbersGreco = {
  pollHeaderBytes: 871,
  websocketFrameBytes: 2,
  /** Their published results for 1,000 clients at one message per second. */
  published: { clients: 1000, pollingMbps: 6.6, websocketMbps: 0.015 },
} as const;

export const clientCounts = [1_000, 10_000, 100_000] as const;

const bitsPerBinaryMegabit = 2 ** 20;

/** Bits per second needed to deliver `ratePerSecond` messages of `bytesPerMessage` to every client. */
export function bitsPerSecond(bytesPerMessage: number, clients: number, ratePerSecond = 1): number {
  return bytesPerMessage * 8 * clients * ratePerSecond;
}

/** The same in megabits per second, binary (2^20) as the 2010 article counts them. */
export function megabitsPerSecond(bytesPerMessage: number, clients: number, ratePerSecond = 1): number {
  return bitsPerSecond(bytesPerMessage, clients, ratePerSecond) / bitsPerBinaryMegabit;
}

/** Short, readable figures: 6.6, 66, 665, 0.015, 1.5. */
export function formatMbps(mbps: number): string {
  if (mbps === 0) return '0';
  if (mbps >= 100) return Math.round(mbps).toLocaleString('en');
  if (mbps >= 10) return mbps.toFixed(0);
  const digits = Math.max(1, 1 - Math.floor(Math.log10(mbps)));
  return mbps.toFixed(Math.min(digits, 4));
}

/** Wire bytes (both directions) per delivered event: the race's headline number. */
export function bytesPerDelivered(stats: TransportStats): number | null {
  return stats.delivered === 0 ? null : (stats.bytesIn + stats.bytesOut) / stats.delivered;
}
