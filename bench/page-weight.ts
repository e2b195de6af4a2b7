/**
 * What a lesson page costs before the learner shows intent: every script, style and font the
 * browser fetches on load (gzip-compressed size, as a server would send it), then the same after
 * the first click on Edit (Monaco). Usage: `npm run bench:weight` (builds nothing; serve `dist/`
 * first or let this script start the server). Prints a table; exits non-zero over the JS budget.
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { ConfigSchema } from '../playground-server/config.ts';
import { startServer } from '../playground-server/server.ts';

const budgetJsGzip = 40 * 1024;
const lessonPath = process.argv[2] ?? '/lessons/what-is-a-websocket/';

const server = await startServer(ConfigSchema.parse({ port: 0, host: '127.0.0.1' }));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});

type Row = { url: string; type: string; gzip: number };
const gzipOf = (pathname: string) => gzipSync(readFileSync(`dist${decodeURIComponent(pathname)}`)).byteLength;

try {
  const page = await browser.newPage();
  const seen: Row[] = [];
  page.on('requestfinished', (request) => {
    const url = new URL(request.url());
    const type = request.resourceType();
    if (!['script', 'stylesheet', 'font', 'document'].includes(type) || url.origin !== server.url.replace('localhost', '127.0.0.1')) return;
    const file = url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
    seen.push({ url: url.pathname, type, gzip: gzipOf(file) });
  });
  await page.goto(`${server.url}${lessonPath}`, { waitUntil: 'networkidle' });
  const beforeIntent = [...seen];
  const started = performance.now();
  await page.getByRole('button', { name: 'Edit' }).first().click();
  await page.locator('.monaco-editor').first().waitFor();
  const monacoReadyMs = performance.now() - started;
  await page.waitForLoadState('networkidle');
  const afterIntent = seen.slice(beforeIntent.length);

  const sum = (rows: Row[], type: string) => rows.filter((r) => r.type === type).reduce((total, r) => total + r.gzip, 0);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`Lesson ${lessonPath}, gzip sizes\n`);
  for (const row of beforeIntent) console.log(`  ${row.type.padEnd(10)} ${kb(row.gzip).padStart(9)}  ${row.url}`);
  const js = sum(beforeIntent, 'script');
  console.log(`\n  before intent: JS ${kb(js)} (budget ${kb(budgetJsGzip)}), CSS ${kb(sum(beforeIntent, 'stylesheet'))}, HTML ${kb(sum(beforeIntent, 'document'))}`);
  console.log(`  after Edit:    +JS ${kb(sum(afterIntent, 'script'))}, Monaco visible ${monacoReadyMs.toFixed(0)} ms after the click`);
  if (js > budgetJsGzip) process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
}
