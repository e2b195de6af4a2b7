import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryFeed } from './feed.ts';
import { FeedEvent } from '../protocol/feed.ts';

test('the feed publishes numbered events to subscribers and keeps them for since()', async (t) => {
  const feed = memoryFeed(10);
  t.after(() => feed.stop());
  const seen: FeedEvent[] = [];
  const unsubscribe = feed.subscribe((event) => seen.push(event));
  while (seen.length < 3) await new Promise((resolve) => setTimeout(resolve, 10));
  unsubscribe();
  for (const event of seen) FeedEvent.parse(event);
  assert.deepEqual(seen.map((e) => e.seq), [1, 2, 3]);
  assert.deepEqual(feed.since(1).slice(0, 2).map((e) => e.seq), [2, 3]);
  assert.deepEqual(feed.since(feed.latestSeq), []);
});
