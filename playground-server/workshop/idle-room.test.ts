import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkshopCloseCode } from '../../protocol/workshop.ts';
import { WorkshopClient, createRoom, startWorkshopServer } from './test-support.ts';

test('a connection that never says hello does not keep an abandoned room alive', async (t) => {
  // Only the clock is faked (sockets and timers are real): minutes pass in a tick.
  t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
  const server = await startWorkshopServer({ maxRooms: 1, idleRoomMinutes: 1 });
  t.after(() => server.close());
  const { host, code } = await createRoom(server.wsUrl);
  host.ws.close();
  await host.closed;
  t.mock.timers.tick(50_000);
  const lurker = await WorkshopClient.open(`${server.wsUrl}/${code}`); // knows the code, says nothing
  lurker.ws.close();
  await lurker.closed;
  t.mock.timers.tick(20_000); // 70 s since anyone was in the room, 20 s since the lurker
  const next = await WorkshopClient.open(`${server.wsUrl}/new`);
  const created = await Promise.race([next.next('created'), next.closed.then((c) => c)]);
  assert.ok('type' in created && created.type === 'created', `the idle room's place is free (got ${JSON.stringify(created)})`);
  const gone = await WorkshopClient.open(`${server.wsUrl}/${code}`);
  assert.equal((await gone.closed).code, WorkshopCloseCode.noSuchRoom);
  next.ws.close();
});
