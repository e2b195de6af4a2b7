/**
 * Bytes as the browser receives them: Chromium's own count of what came over the network for
 * each request (headers and compressed body, `encodedDataLength`), zero for a response served
 * from the HTTP cache. Shared by `npm run bench:weight` and the perf e2e so both report the
 * same figure DevTools shows as "transferred".
 */
import type { Page } from '@playwright/test';

export type ResourceKind = 'document' | 'script' | 'stylesheet' | 'font' | 'other';
export interface Transfer {
  url: string;
  kind: ResourceKind;
  /** Bytes over the wire, headers included; 0 when the cache answered. */
  bytes: number;
  /** The response's Content-Encoding (br, gzip, or '' when sent raw). */
  encoding: string;
  status: number;
}

const kinds: Record<string, ResourceKind> = { Document: 'document', Script: 'script', Stylesheet: 'stylesheet', Font: 'font' };

/** Starts counting every request the page makes; `take()` returns and clears what was seen. */
export async function meterTransfers(page: Page): Promise<{ take(): Transfer[] }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const pending = new Map<string, Omit<Transfer, 'bytes'>>();
  let done: Transfer[] = [];
  cdp.on('Network.responseReceived', (event) => {
    const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    pending.set(event.requestId, {
      url: event.response.url,
      kind: kinds[event.type ?? ''] ?? 'other',
      encoding: headers['content-encoding'] ?? '',
      status: event.response.status,
    });
  });
  cdp.on('Network.loadingFinished', (event) => {
    const seen = pending.get(event.requestId);
    if (!seen) return;
    pending.delete(event.requestId);
    done.push({ ...seen, bytes: event.encodedDataLength });
  });
  return {
    take() {
      const taken = done;
      done = [];
      return taken;
    },
  };
}

export const sumBytes = (rows: Transfer[], kind?: ResourceKind) =>
  rows.filter((row) => !kind || row.kind === kind).reduce((total, row) => total + row.bytes, 0);

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
