import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { join as joinRoom, openPoll, push, rowOf, startRoom } from './workshop-support.ts';

/**
 * A real restart: the server process is stopped (SIGTERM, or kill -9) under traffic and a new one
 * is started on the same port. The learner's socket reconnects by itself, and a message sent while
 * the server was away arrives once; a workshop's pages come back to the same room.
 */
async function startServer(port: number, stateDir?: string): Promise<{ child: ChildProcess; url: string }> {
  const state = stateDir ? ['--state-dir', stateDir] : ['--ephemeral'];
  const child = spawn('node_modules/.bin/node', ['playground-server/main.ts', '--host', '127.0.0.1', '--port', String(port), '--site-dir', 'dist', ...state], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, DUPLEX_HEARTBEAT_MS: '2000' },
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /running at (http:\/\/[^/\s]+)\//.exec(out);
      if (found?.[1]) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return { child, url };
}

test('SIGTERM the server under traffic and start it again on the same port: the playground reconnects by itself', async ({ page }) => {
  test.setTimeout(90_000);
  let server = await startServer(0);
  const port = Number(new URL(server.url).port);
  test.info().annotations.push({ type: 'server', description: server.url });
  try {
    await page.goto(`${server.url}/lessons/what-is-a-websocket/`);
    const pg = page.locator('duplex-playground').filter({ has: page.getByText('Echo', { exact: true }) });
    const code = "const s = connect('/ws/echo');\nsetInterval(() => s.readyState === WebSocket.OPEN && s.send('tick'), 200);\ns.addEventListener('close', () => s.send('sent while away'), { once: true });\ns.onmessage = (e) => e.data === 'tick' || log('echo:', e.data);\n";
    await pg.evaluate((element, source) => (element as HTMLElement & { setCode(code: string): Promise<void> }).setCode(source), code);
    await pg.getByRole('button', { name: 'Run' }).click();
    await expect(pg.getByRole('status')).toHaveText('open');
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
    await expect(pg.getByRole('status')).toHaveText(/^reconnecting in \d s after 100[16]/);
    server = await startServer(port);
    await expect(pg.getByRole('status')).toHaveText('open');
    await expect(pg.getByRole('log').getByText('echo: sent while away', { exact: true })).toHaveCount(1);
  } finally {
    server.child.kill('SIGTERM');
  }
});

for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
  test(`${signal === 'SIGKILL' ? 'kill -9' : 'SIGTERM'} the server during a workshop and start it again: host and attendee pages come back to the same room by themselves`, async ({ browser }) => {
    test.setTimeout(120_000);
    const stateDir = mkdtempSync(join(tmpdir(), 'duplex-restart-'));
    let server = await startServer(0, stateDir);
    const port = Number(new URL(server.url).port);
    try {
      const host = await startRoom(browser, server.url);
      await openPoll(host.page, 'Ready?', 'yes\nno');
      const ada = await joinRoom(browser, host.code, 'Ada', server.url);
      await ada.page.getByRole('list', { name: 'Poll options' }).getByRole('button', { name: 'yes' }).click();
      await expect(host.page.locator('[data-role="poll-summary"]')).toHaveText('1 vote');

      server.child.kill(signal);
      await once(server.child, 'exit');
      await expect(ada.page.getByRole('status').filter({ hasText: 'reconnecting' })).toBeVisible();
      await expect(host.page.getByRole('status').filter({ hasText: 'reconnecting' })).toBeVisible();
      server = await startServer(port, stateDir);

      // Both pages reconnect on their own: same room code, same seat, the vote counted once.
      await expect(ada.page.getByRole('status').filter({ hasText: 'connected' })).toBeVisible();
      await expect(host.page.getByRole('status').filter({ hasText: 'connected' })).toBeVisible();
      await expect(host.page.locator('[data-role="code"]')).toHaveText(host.code);
      await expect(ada.page.getByText('You are Ada')).toBeVisible();
      await expect(ada.page.getByText('yes (your vote)')).toBeVisible();
      await expect(host.page.locator('[data-role="poll-summary"]')).toHaveText('1 vote');
      await expect(host.page.getByRole('list', { name: 'Attendees' }).getByRole('listitem')).toHaveCount(1);
      await expect(rowOf(host.page, 'Ada')).toContainText('connected');
      // The host's key still works on the new process.
      await push(host.page, "log('after the restart');");
      await expect(ada.page.getByLabel('Pushed snippet')).toHaveText("log('after the restart');");
      await ada.context.close();
      await host.context.close();
    } finally {
      server.child.kill('SIGTERM');
      await once(server.child, 'exit').catch(() => undefined);
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
}
