import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, nextMessage, refusedUpgrade, startTestServer } from '../test-support.ts';
import { openLab, rawClient, upgradeRequest } from './lab-test-support.ts';

/** A deployment that teaches no server-writing turns the tunnel off: its paths say so, the rest works. */
test('with the lab off, /ws/lab, /ws/lab-pipe and /lab/… answer 404 with the reason; /ws/echo still echoes', async (t) => {
  const server = await startTestServer({ labTunnel: false });
  t.after(() => server.close());
  const sameSite = { Origin: server.url };
  const reason = /the lab tunnel is off on this server \(--no-lab \/ DUPLEX_LAB=off\)/;
  for (const path of ['/ws/lab', '/ws/lab-pipe/AAAAAAAAAAAAAAAAAAAAAA', '/lab/AAAAAAAAAAAAAAAAAAAAAA', '/lab/AAAAAAAAAAAAAAAAAAAAAA/echo']) {
    const refused = await refusedUpgrade(`${server.wsUrl}${path}`, sameSite);
    assert.equal(refused.status, 404, path);
    assert.match(refused.body, reason, path);
  }
  for (const path of ['/ws/lab', '/lab/AAAAAAAAAAAAAAAAAAAAAA']) {
    // Plain HTTP too: it is where a page reads why its upgrade was refused.
    const plain = await fetch(`${server.url}${path}`);
    assert.equal(plain.status, 404, path);
    assert.match(((await plain.json()) as { message: string }).message, reason, path);
  }
  // A raw client (how a learner's browser reaches a lab) gets the same answer, then the close.
  const raw = await rawClient(server.url, upgradeRequest('/lab/AAAAAAAAAAAAAAAAAAAAAA', new URL(server.url).host));
  await raw.ended;
  assert.match(raw.text(), /^HTTP\/1\.1 404 /);

  const echo = await connect(`${server.wsUrl}/ws/echo`);
  echo.send('still here');
  assert.equal((await nextMessage(echo)).data.toString(), 'still here');
  echo.close();
});

test('with the lab on (the default), the same page opens a lab', async (t) => {
  const server = await startTestServer();
  t.after(() => server.close());
  const lab = await openLab(server.url);
  assert.equal(lab.ready.path, `/lab/${lab.ready.id}`);
  lab.ws.close();
});
