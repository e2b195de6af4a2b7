import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { TraceHub } from './trace-hub.ts';

/** An inspector that records what it is sent, and a traced request with a socket to drop. */
const fakeInspector = () => {
  const sent: string[] = [];
  return { sent, ws: { send: (text: string) => sent.push(text) } as unknown as WebSocket };
};
const fakeRequest = { method: 'GET', url: '/ws/echo?trace=same-id', httpVersion: '1.1', rawHeaders: [], headers: {} } as unknown as IncomingMessage;
const fakeSocket = () => ({ destroy: () => undefined }) as unknown as Duplex;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("an old trace's outage timer does not delete a newer trace that took the same id", async () => {
  const hub = new TraceHub();
  hub.outage('same-id', 0.3); // its timer fires at 300 ms…
  hub.outage('same-id', 0.02); // …but the outage was shortened: the trace is released at 30 ms
  await sleep(60);
  const inspector = fakeInspector();
  hub.subscribe('same-id', inspector.ws); // a new trace under the same id, watched
  await sleep(300); // the first timer fires now
  hub.attach('same-id', '/ws/echo', fakeRequest, fakeSocket());
  assert.ok(
    inspector.sent.some((text) => JSON.parse(text).type === 'handshake'),
    'the inspector still sees connections of its trace',
  );
});
