import { expect, test } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigSchema } from '../playground-server/config.ts';
import { startServer } from '../playground-server/server.ts';

/**
 * A new build replaces the old offline cache: a copy of the site is served, visited, then
 * "redeployed" with a service worker of another build id (the server really restarted on the
 * same port, as after `npm run build`), and the browser keeps only the new build's cache.
 */
test('after a new build, the browser keeps only the new build’s cache', async ({ page }) => {
  test.setTimeout(90_000);
  const site = mkdtempSync(join(tmpdir(), 'duplex-site-'));
  cpSync('dist', site, { recursive: true });
  test.info().annotations.push({ type: 'site', description: site });
  const cacheNames = () => page.evaluate(() => caches.keys());
  let server = await startServer(ConfigSchema.parse({ port: 0, host: '127.0.0.1', siteDir: site }));
  try {
    const port = Number(new URL(server.url).port);
    const worker = readFileSync(join(site, 'sw.js'), 'utf8');
    const oldBuild = /^const BUILD = "(\w+)";/.exec(worker)?.[1];
    expect(oldBuild).toBeTruthy();
    await page.goto(`${server.url}/lessons/what-is-a-websocket/`);
    await expect.poll(cacheNames).toEqual([`duplex-${oldBuild}`]);

    await server.close();
    writeFileSync(join(site, 'sw.js'), worker.replace(`const BUILD = "${oldBuild}";`, 'const BUILD = "nextbuild";'));
    for (const twin of ['sw.js.br', 'sw.js.gz']) rmSync(join(site, twin), { force: true });
    server = await startServer(ConfigSchema.parse({ port, host: '127.0.0.1', siteDir: site }));
    // Each navigation checks for a new worker; the new one drops the old cache when it takes over.
    await expect
      .poll(
        async () => {
          await page.reload();
          return cacheNames();
        },
        { timeout: 30_000 },
      )
      .toEqual(['duplex-nextbuild']);
  } finally {
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
});
