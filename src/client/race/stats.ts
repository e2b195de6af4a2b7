import { TransportStatsResponse, type TransportStats } from '../../../protocol/feed.ts';

/** The server's own byte and request counts for this race's client tag. */
export async function fetchStats(server: string, client: string, signal?: AbortSignal): Promise<TransportStats[]> {
  const target = new URL('/stats/transports', server);
  target.searchParams.set('client', client);
  const response = await fetch(target, { cache: 'no-store', signal });
  if (!response.ok) throw new Error(`/stats/transports answered ${response.status}`);
  return TransportStatsResponse.parse(await response.json()).transports;
}
