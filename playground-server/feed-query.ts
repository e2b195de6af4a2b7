import { ClientId } from '../protocol/feed.ts';

export type FeedQuery = { since: number | null; client: string | null };

/**
 * `?since=<seq>` and `?client=<id>` of the feed transports (SSE also reads Last-Event-ID).
 * Returns the problem as a sentence when one is wrong.
 */
export function readFeedQuery(url: URL, lastEventId?: string): FeedQuery | { error: string } {
  const since = url.searchParams.get('since') ?? lastEventId ?? null;
  if (since !== null && !/^\d{1,15}$/.test(since)) return { error: 'since must be a whole number ≥ 0 (the last seq you saw)' };
  const client = url.searchParams.get('client');
  if (client !== null && !ClientId.safeParse(client).success) return { error: 'client must be 4–64 letters, digits, "-" or "_"' };
  return { since: since === null ? null : Number(since), client };
}
