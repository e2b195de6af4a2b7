import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleRecording as recording } from '../../test-support/recording.ts';
import { startTestServer } from '../test-support.ts';
import { createRoom, joinRoom, startWorkshopServer } from './test-support.ts';

async function setup(t: import('node:test').TestContext, limits = {}) {
  const server = await startWorkshopServer(limits);
  t.after(() => server.close());
  const room = await createRoom(server.wsUrl);
  const ada = await joinRoom(server.wsUrl, room.code, 'Ada');
  const grace = await joinRoom(server.wsUrl, room.code, 'Grace');
  return { server, ...room, ada, grace };
}

test('a shared run reaches the host as sent, named by the server, and the attendee hears it arrived', async (t) => {
  const { host, ada } = await setup(t);
  assert.equal(ada.welcome.limits.shareBytes, 64 * 1024, 'the page is told the bound it must fit a run into');
  ada.client.send({ type: 'share', recording: recording() });
  const shared = await host.next('shared-run');
  assert.deepEqual(shared.from, { id: ada.welcome.you.id, name: 'Ada' });
  assert.deepEqual(shared.recording, recording());
  assert.deepEqual(await ada.client.next('shared'), { type: 'shared', id: shared.id });
});

test('a damaged or foreign recording is refused with bad_message; the sender stays and nobody else is touched', async (t) => {
  const { host, ada, grace } = await setup(t);
  const damaged = { ...recording(), frames: [{ ...recording().frames[0], direction: 'sideways' }] };
  ada.client.send({ type: 'share', recording: damaged });
  const refusal = await ada.client.next('error');
  assert.equal(refusal.code, 'bad_message');
  assert.match(refusal.message, /^recording\.frames\.0\.direction: /);
  ada.client.send({ type: 'share', recording: { format: 'har', version: 1 } });
  assert.equal((await ada.client.next('error')).code, 'bad_message');
  // Still connected, and the room goes on: Grace shares, Ada's later good run arrives too.
  grace.client.send({ type: 'share', recording: recording('grace') });
  assert.equal((await host.next('shared-run')).from.name, 'Grace');
  ada.client.send({ type: 'share', recording: recording('ada') });
  assert.equal((await host.next('shared-run')).recording.code, 'ada');
  assert.equal(host.unread.filter((m) => m.type === 'shared-run').length, 0, 'the refused shares never reached the host');
});

test('a run over WORKSHOP_SHARE_BYTES is refused with too_large and the connection stays open', async (t) => {
  const { host, ada, grace } = await setup(t, { shareBytes: 2048 });
  ada.client.send({ type: 'share', recording: recording('x'.repeat(3000)) });
  const refusal = await ada.client.next('error');
  assert.equal(refusal.code, 'too_large');
  assert.match(refusal.message, /^a shared run is at most 2048 bytes \(WORKSHOP_SHARE_BYTES\); this one has \d+$/);
  ada.client.send({ type: 'share', recording: recording('small') });
  assert.equal((await host.next('shared-run')).recording.code, 'small');
  grace.client.send({ type: 'post', text: 'still here' });
  assert.equal((await host.next('wall')).message.text, 'still here');
});

test('shares are rate-limited per attendee, and refused while no host is connected', async (t) => {
  const { host, ada, grace } = await setup(t, { sharesPerMinute: 2 });
  for (let i = 0; i < 3; i++) ada.client.send({ type: 'share', recording: recording(`run ${i}`) });
  await host.next('shared-run');
  await host.next('shared-run');
  assert.deepEqual(await ada.client.next('error'), { type: 'error', code: 'rate_limited', message: 'at most 2 shared runs a minute' });
  grace.client.send({ type: 'share', recording: recording('grace') });
  assert.equal((await host.next('shared-run')).from.name, 'Grace', "Ada's limit is Ada's alone");
  host.ws.close();
  await new Promise((resolve) => host.ws.once('close', resolve));
  grace.client.send({ type: 'share', recording: recording('nobody sees this') });
  assert.equal((await grace.client.next('error')).code, 'no_host');
});

test('the host can ask one attendee for their run; only that attendee is asked', async (t) => {
  const { host, ada, grace } = await setup(t);
  host.send({ type: 'ask-share', attendee: grace.welcome.you.id });
  await grace.client.next('share-requested');
  host.send({ type: 'ask-share', attendee: 'nobody' });
  assert.equal((await host.next('error')).message, 'no attendee nobody in this room');
  ada.client.send({ type: 'ask-share', attendee: grace.welcome.you.id });
  assert.deepEqual(await ada.client.next('error'), { type: 'error', code: 'not_host', message: 'only the host can ask attendees to share a run' });
  assert.equal(ada.client.unread.some((m) => m.type === 'share-requested'), false);
});

test('on the real server a share over --max-payload closes with 1009, and the room tells pages the smaller bound', async (t) => {
  const server = await startTestServer({ maxPayload: 4096 });
  t.after(() => server.close());
  const url = `${server.wsUrl}/ws/workshop`;
  const { host, code } = await createRoom(url);
  const ada = await joinRoom(url, code, 'Ada');
  assert.equal(ada.welcome.limits.shareBytes, 4096);
  const grace = await joinRoom(url, code, 'Grace');
  ada.client.send({ type: 'share', recording: recording('x'.repeat(5000)) });
  assert.equal((await ada.client.closed).code, 1009);
  grace.client.send({ type: 'share', recording: recording('fits') });
  assert.equal((await host.next('shared-run')).recording.code, 'fits');
  host.ws.close();
});
