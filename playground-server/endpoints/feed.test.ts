import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { request } from 'node:http';
import { FeedEvent, PollResponse, TransportStatsResponse } from '../../protocol/feed.ts';
import { connect, inbox, metric, startTestServer } from '../test-support.ts';

const fast = { feedIntervalMs: 20, longPollTimeoutMs: 200 };

async function poll(url: string): Promise<{ body: PollResponse; headers: Headers }> {
  const res = await fetch(url);
  assert.equal(res.status, 200);
  return { body: PollResponse.parse(await res.json()), headers: res.headers };
}

async function stats(serverUrl: string, client?: string) {
  const res = await fetch(`${serverUrl}/stats/transports${client ? `?client=${client}` : ''}`);
  const body = TransportStatsResponse.parse(await res.json());
  return Object.fromEntries(body.transports.map((row) => [row.transport, row]));
}

/** Reads an SSE stream until `count` events, returning the raw text. */
async function readSse(url: string, count: number, headers: Record<string, string> = {}): Promise<string> {
  const req = request(url, { headers });
  req.end();
  const [res] = await once(req, 'response');
  let text = '';
  for await (const chunk of res) {
    text += chunk;
    if ((text.match(/^id: /gm) ?? []).length >= count) break;
  }
  req.destroy();
  return text;
}

test('short polling returns the events after since at once, and nothing without since', async (t) => {
  const server = await startTestServer(fast);
  t.after(() => server.close());
  const first = await poll(`${server.url}/poll/events`);
  assert.deepEqual(first.body.events, []);
  let latest = first.body.latestSeq;
  while (latest < 3) latest = (await poll(`${server.url}/poll/events`)).body.latestSeq;
  const { body } = await poll(`${server.url}/poll/events?since=1`);
  assert.deepEqual(body.events.slice(0, 2).map((e) => e.seq), [2, 3]);
});

test('a long poll with since ahead of the feed is held until an event after since, as the contract says', async (t) => {
  const server = await startTestServer({ feedIntervalMs: 20, longPollTimeoutMs: 2000 });
  t.after(() => server.close());
  const { latestSeq } = (await poll(`${server.url}/poll/events`)).body;
  const since = latestSeq + 5;
  const { body } = await poll(`${server.url}/poll/long?since=${since}`);
  assert.ok(body.events.length > 0, 'an event came before the timeout');
  assert.ok(body.events.every((event) => event.seq > since), `events ${body.events.map((e) => e.seq)} are all after ${since}`);
});

test('a long poll is held until the next event, or answered empty at the timeout', async (t) => {
  const server = await startTestServer(fast);
  t.after(() => server.close());
  const { body } = await poll(`${server.url}/poll/long`);
  assert.equal(body.events.length, 1);
  assert.equal(body.events[0]!.seq, body.latestSeq);
  const quiet = await startTestServer({ feedIntervalMs: 60_000, longPollTimeoutMs: 50 });
  t.after(() => quiet.close());
  assert.deepEqual((await poll(`${quiet.url}/poll/long`)).body, { events: [], latestSeq: 0 });
});

test('SSE streams events with id: and resumes after Last-Event-ID', async (t) => {
  const server = await startTestServer(fast);
  t.after(() => server.close());
  const text = await readSse(`${server.url}/sse/events`, 2);
  assert.match(text, /^retry: 1000\n\n/);
  const block = /id: (\d+)\ndata: (.+)\n\n/.exec(text)!;
  assert.equal(FeedEvent.parse(JSON.parse(block[2]!)).seq, Number(block[1]));
  const resumed = await readSse(`${server.url}/sse/events`, 1, { 'Last-Event-ID': '1' });
  assert.match(resumed, /id: 2\n/);
});

test('the WebSocket transport sends the same events as JSON, replaying after since', async (t) => {
  const server = await startTestServer(fast);
  t.after(() => server.close());
  const ws = await connect(`${server.wsUrl}/ws/events?since=0`);
  const seqs: number[] = [];
  while (seqs.length < 3) seqs.push(FeedEvent.parse(await inbox(ws).json()).seq);
  assert.deepEqual(seqs, [seqs[0]!, seqs[0]! + 1, seqs[0]! + 2]);
  ws.close();
});

test('bytes on the wire and requests are counted per transport and per client tag', async (t) => {
  const server = await startTestServer(fast);
  t.after(() => server.close());
  const first = await fetch(`${server.url}/poll/events?client=race-1`);
  await first.json();
  assert.equal(first.headers.get('x-duplex-transport-totals'), 'requests=0; delivered=0; bytes-in=0; bytes-out=0');
  const requestBytes = Number(first.headers.get('x-duplex-request-bytes'));
  assert.ok(requestBytes > 50, 'the request head is counted');
  const second = await fetch(`${server.url}/poll/events?client=race-1&since=0`);
  await second.json();
  assert.match(second.headers.get('x-duplex-transport-totals') ?? '', /^requests=1; delivered=0; bytes-in=\d+; bytes-out=\d+$/);
  await poll(`${server.url}/poll/long?client=race-1`);
  await readSse(`${server.url}/sse/events?client=race-1`, 2);
  const ws = await connect(`${server.wsUrl}/ws/events?client=race-1`);
  await inbox(ws).next();
  ws.close();
  await once(ws, 'close');
  const mine = await stats(server.url, 'race-1');
  assert.equal(mine['short-poll']!.requests, 2);
  assert.equal(mine['long-poll']!.requests, 1);
  assert.equal(mine.sse!.requests, 1);
  assert.equal(mine.websocket!.requests, 1);
  for (const row of Object.values(mine)) {
    assert.ok(row.bytesIn > 0 && row.bytesOut > 0, `${row.transport} counted bytes both ways`);
  }
  // A 101 response plus framed events: more out than the bare JSON of one event.
  assert.ok(mine.websocket!.bytesOut > 129 + 30, 'the 101 response and frames are counted');
  assert.ok(mine.sse!.delivered >= 2 && mine.websocket!.delivered >= 1 && mine['long-poll']!.delivered === 1);
  // Someone else's tag, and the server totals.
  assert.equal((await stats(server.url, 'another-tab'))['short-poll']!.requests, 0);
  assert.ok((await stats(server.url))['short-poll']!.requests >= 2);
  assert.equal(await metric(server.url, 'duplex_transport_requests_total{transport="sse"}'), 1);
});

test('bad since or client on the feed gets 400 with a reason', async (t) => {
  const server = await startTestServer(fast);
  t.after(() => server.close());
  for (const path of ['/poll/events?since=abc', '/poll/long?since=-2', '/sse/events?client=x', '/stats/transports?client=!!']) {
    const res = await fetch(`${server.url}${path}`);
    assert.equal(res.status, 400, path);
    assert.match(((await res.json()) as { message: string }).message, /since must be|client must be/);
  }
});

test('shutdown answers held long polls at once and closes WebSockets with 1001', async () => {
  const server = await startTestServer({ feedIntervalMs: 60_000, longPollTimeoutMs: 60_000 });
  const held = fetch(`${server.url}/poll/long`);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const ws = await connect(`${server.wsUrl}/ws/events`);
  const wsClosed = once(ws, 'close');
  await server.close();
  const res = await held;
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { events: [], latestSeq: 0 });
  assert.equal((await wsClosed)[0], 1001);
});

test('held long polls and event streams are capped like connections: the next gets 503', async (t) => {
  const server = await startTestServer({ feedIntervalMs: 60_000, longPollTimeoutMs: 60_000, maxConnections: 1 });
  t.after(() => server.close());
  const held = new AbortController();
  const first = fetch(`${server.url}/poll/long`, { signal: held.signal }).catch(() => undefined);
  while ((await stats(server.url))['long-poll']!.requests < 1) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal((await fetch(`${server.url}/poll/long`)).status, 503);
  const refused = await fetch(`${server.url}/sse/events`);
  assert.equal(refused.status, 503);
  assert.match(((await refused.json()) as { message: string }).message, /server is full \(1 held requests\)/);
  assert.equal((await fetch(`${server.url}/poll/events`)).status, 200, 'short polls are never held, so never refused');
  held.abort();
  await first;
});
