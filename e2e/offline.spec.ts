import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { editorReady } from './editor-support.ts';
import { ConfigSchema } from '../playground-server/config.ts';
import { startServer, type RunningServer } from '../playground-server/server.ts';

/**
 * An attendee's Wi-Fi drops after a first visit: the page's own server (started here, on a free
 * port) is really stopped and the browser goes offline, then the lesson is read again and the
 * editor opened from what the service worker kept.
 */
let server: RunningServer;
test.beforeEach(async () => {
  server = await startServer(ConfigSchema.parse({ port: 0, host: '127.0.0.1', siteDir: 'dist' }));
});
test.afterEach(async () => {
  await server.close().catch(() => undefined);
});

const keptUrls = () =>
  (async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    return urls;
  })();

test('after a first visit, a lesson reads and its editor opens with the Wi-Fi gone', async ({ page, context }) => {
  test.setTimeout(120_000); // Monaco loads twice, the first time while the worker stores it
  const lesson = `${server.url}/lessons/what-is-a-websocket/`;
  await page.goto(lesson);
  await expect.poll(() => page.evaluate(keptUrls)).toContain('/lessons/what-is-a-websocket/');
  const pg = page.locator('duplex-playground').first();
  await pg.getByRole('button', { name: 'Edit' }).click();
  await expect(pg.locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 30_000 });
  await page.evaluate(() => fetch('/healthz'));

  await server.close();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'What is a WebSocket?' })).toBeVisible();
  const again = page.locator('duplex-playground').first();
  await again.getByRole('button', { name: 'Edit' }).click();
  await expect(again.locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 30_000 });
  await expect(again.getByRole('textbox', { name: /Playground code editor/ })).toBeFocused(editorReady);

  // Live endpoints are never kept: offline they get no answer (an error, or nothing until the
  // page gives up) instead of a stale copy, though /healthz was fetched while online.
  expect(await page.evaluate(() => fetch('/healthz', { signal: AbortSignal.timeout(5000) }).then(() => 'answered', () => 'failed'))).toBe('failed');
  expect((await page.evaluate(keptUrls)).filter((path) => /^\/(ws|poll|sse|stats)\/|^\/(healthz|metrics)$/.test(path))).toEqual([]);
});

test('the editor is fetched ahead while the page is idle, so it opens offline though never opened before', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto(`${server.url}/lessons/what-is-a-websocket/`);
  // The idle prefetch puts the editor's chunks in the worker's cache; nothing was clicked.
  await expect.poll(() => page.evaluate(keptUrls), { timeout: 60_000 }).toContainEqual(expect.stringMatching(/^\/_astro\/editor\.api\./));
  await expect.poll(() => page.evaluate(keptUrls), { timeout: 60_000 }).toContainEqual(expect.stringMatching(/^\/_astro\/editor\.worker-/));

  await server.close();
  await context.setOffline(true);
  await page.reload();
  const pg = page.locator('duplex-playground').first();
  await pg.getByRole('button', { name: 'Edit' }).click();
  await expect(pg.locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 30_000 });
});

/** A deploy: the site's files change under the same address, and the server is started again. */
function deployNewBuild(siteDir: string, build: string, heading: string): void {
  const rewrite = (path: string, change: (text: string) => string) => {
    const file = join(siteDir, path);
    const text = change(readFileSync(file, 'utf8'));
    writeFileSync(file, text);
    // The server prefers the precompressed twins: they must be the new file's too.
    writeFileSync(`${file}.br`, brotliCompressSync(text));
    writeFileSync(`${file}.gz`, gzipSync(text));
  };
  rewrite('sw.js', (text) => text.replace(/^const BUILD = "[^"]+";/, `const BUILD = "${build}";`));
  rewrite('lessons/what-is-a-websocket/index.html', (text) => text.replaceAll('What is a WebSocket?</h1>', `${heading}</h1>`));
}

test('a new build replaces the old cache: after a deploy the lesson offline is the new one, and the old build is no longer kept', async ({ page, context }) => {
  test.setTimeout(120_000);
  await server.close();
  const siteDir = mkdtempSync(join(tmpdir(), 'duplex-site-'));
  try {
    cpSync('dist', siteDir, { recursive: true });
    const oldBuild = /^const BUILD = "([^"]+)";/.exec(readFileSync(join(siteDir, 'sw.js'), 'utf8'))?.[1];
    server = await startServer(ConfigSchema.parse({ port: 0, host: '127.0.0.1', siteDir }));
    const { port } = new URL(server.url);
    await page.goto(`${server.url}/lessons/what-is-a-websocket/`);
    await expect.poll(() => page.evaluate(keptUrls)).toContain('/lessons/what-is-a-websocket/');
    expect(await page.evaluate(() => caches.keys())).toEqual([`duplex-${oldBuild}`]);

    await server.close();
    deployNewBuild(siteDir, 'e2e-new-build', 'What is a WebSocket? (new build)');
    server = await startServer(ConfigSchema.parse({ port: Number(port), host: '127.0.0.1', siteDir }));
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'What is a WebSocket? (new build)' })).toBeVisible();
    // The new worker took over and dropped the old build's cache.
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(['duplex-e2e-new-build']);
    await expect.poll(() => page.evaluate(keptUrls)).toContain('/lessons/what-is-a-websocket/');

    await server.close();
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'What is a WebSocket? (new build)' })).toBeVisible();
  } finally {
    rmSync(siteDir, { recursive: true, force: true });
  }
});
