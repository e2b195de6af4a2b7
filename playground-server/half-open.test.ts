import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { serverBehindProxy } from '../test-support/server-behind-proxy.ts';
import { connect, inbox, metric } from './test-support.ts';
import { createRoom, joinRoom } from './workshop/test-support.ts';

/**
 * A half-open link, made by a real blackhole between client and server (no FIN, no RST, no
 * bytes): the server must find the dead peer by its heartbeat, free it and tell the others.
 */
const serverWithBlackholeablePath = (t: { after(fn: () => Promise<void>): void }) => serverBehindProxy(t, { heartbeatMs: 100 });

test('a chat member behind a blackholed link is dropped by the heartbeat and the room sees them leave', async (t) => {
  const { server, proxy, proxiedWsUrl } = await serverWithBlackholeablePath(t);
  const ann = await connect(`${server.wsUrl}/ws/chat/half-open?name=ann`);
  const bob = await connect(`${proxiedWsUrl}/ws/chat/half-open?name=bob`);
  await inbox(ann).find((m) => m.type === 'join');
  let bobHeardClose = false;
  bob.on('close', () => (bobHeardClose = true));
  proxy.blackhole();
  const leave = await inbox(ann).find<{ type: string; member: { name: string } }>((m) => m.type === 'leave');
  assert.equal(leave.member.name, 'bob');
  assert.equal(await metric(server.url, 'duplex_drops_total{reason="heartbeat"}'), 1);
  assert.equal(bobHeardClose, false, 'the browser side of a half-open link hears nothing');
  assert.equal(ann.readyState, WebSocket.OPEN, 'a live peer beside it is untouched');
  ann.close();
  bob.terminate();
});

test('a workshop attendee behind a blackholed link shows to the host as reconnecting, then rejoins the same seat', async (t) => {
  const { server, proxy, proxiedWsUrl } = await serverWithBlackholeablePath(t);
  const { host, code } = await createRoom(`${server.wsUrl}/ws/workshop`);
  const { client: ada, welcome } = await joinRoom(`${proxiedWsUrl}/ws/workshop`, code, 'Ada');
  await host.next('attendee', (m) => m.attendee.state === 'connected');
  proxy.blackhole();
  const row = await host.next('attendee', (m) => m.attendee.state === 'reconnecting');
  assert.equal(row.attendee.id, welcome.you.id);
  assert.ok((await metric(server.url, 'duplex_drops_total{reason="heartbeat"}')) >= 1);
  await proxy.heal();
  ada.ws.terminate();
  const back = await joinRoom(`${proxiedWsUrl}/ws/workshop`, code, 'Ada', welcome.you.seat);
  assert.equal(back.welcome.you.id, welcome.you.id, 'the same seat, not a second row');
  back.client.ws.close();
  host.ws.close();
});
