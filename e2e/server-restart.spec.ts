import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/**
 * A real restart: the server process is stopped with SIGTERM under traffic and a new one is
 * started on the same port. The learner's socket reconnects by itself, and a message sent while
 * the server was away arrives once.
 */
async function startServer(port: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn('node_modules/.bin/node', ['playground-server/main.ts', '--host', '127.0.0.1', '--port', String(port), '--site-dir', 'dist'], {
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
  test.setTimeout(60_000);
  let server = await startServer(0);
  const port = Number(new URL(server.url).port);
  test.info().annotations.push({ type: 'server', description: server.url });
  try {
    await page.goto(`${server.url}/lessons/what-is-a-websocket/`);
    const pg = page.locator('duplex-playground').filter({ has: page.getByText('Echo', { exact: true }) });
    const code = "const s = connect('/ws/echo');\nsetInterval(() => s.send('tick'), 200);\ns.addEventListener('close', () => s.send('sent while away'), { once: true });\ns.onmessage = (e) => e.data === 'tick' || log('echo:', e.data);\n";
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
