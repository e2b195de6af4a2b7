import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../playground-server/test-support.ts';
import { runLab } from './run-learner-lab.ts';

const server = 'serve((socket) => socket.onData(() => {}));';

test("with the lab off, the learner's serve() fails with the server's reason, not a bare 1006", async (t) => {
  const off = await startTestServer({ labTunnel: false });
  t.after(() => off.close());
  await assert.rejects(runLab(off.url, server), {
    message: 'no lab: the lab tunnel is off on this server (--no-lab / DUPLEX_LAB=off)',
  });
});
