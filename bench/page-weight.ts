/**
 * What each page type costs as the browser receives it (transferred bytes: compressed, headers
 * included, as sent), on a first visit with an empty cache and on a repeat visit, and what the
 * editor adds on the first click on Edit. Usage: `npm run bench:weight` after `npm run build`
 * (starts the server itself), or `BASE_URL=http://127.0.0.1:4321 npm run bench:weight` against a
 * running one. Prints a table; exits non-zero over a budget.
 */
import { chromium, type Browser } from '@playwright/test';
import { ConfigSchema } from '../playground-server/config.ts';
import { startServer } from '../playground-server/server.ts';
import { kb, meterTransfers, sumBytes, type Transfer } from './transfer-meter.ts';
import { benchBrowserArgs } from './browser-args.ts';

const pages = [
  { name: 'lesson', path: '/lessons/what-is-a-websocket/', budget: { js: 25 * 1024, total: 90 * 1024, repeat: 10 * 1024 } },
  { name: 'heaviest lesson', path: '/lessons/the-race/', budget: { js: 25 * 1024, total: 90 * 1024, repeat: 10 * 1024 } },
  { name: 'index', path: '/', budget: { js: 15 * 1024 } },
  { name: 'playground', path: '/playground/', budget: {} },
  { name: 'workshop join', path: '/workshop/join/', budget: {} },
] as const;
const editorBudget = 1.1 * 1024 * 1024;

const server = process.env.BASE_URL ? null : await startServer(ConfigSchema.parse({ port: 0, host: '127.0.0.1' }));
const base = process.env.BASE_URL ?? server!.url;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: benchBrowserArgs });
const over: string[] = [];
const check = (what: string, bytes: number, budget: number | undefined) => {
  if (budget !== undefined && bytes > budget) over.push(`${what}: ${kb(bytes)} > ${kb(budget)}`);
  return budget === undefined ? '' : ` (budget ${kb(budget)})`;
};
const line = (rows: Transfer[]) =>
  `total ${kb(sumBytes(rows))} = HTML ${kb(sumBytes(rows, 'document'))}, JS ${kb(sumBytes(rows, 'script'))}, CSS ${kb(sumBytes(rows, 'stylesheet'))}, ` +
  `fonts ${kb(sumBytes(rows, 'font'))}, other ${kb(sumBytes(rows, 'other'))}; ${rows.length} requests`;

/** First visit in a fresh profile, then a second visit of the same URL in that profile. */
async function visit(b: Browser, path: string) {
  const context = await b.newContext();
  const page = await context.newPage();
  const meter = await meterTransfers(page);
  await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  const first = meter.take();
  const again = await context.newPage();
  const meterAgain = await meterTransfers(again);
  await again.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  return { context, page, meter, first, repeat: meterAgain.take() };
}

try {
  console.log(`Transferred bytes (as the browser received them) from ${base}\n`);
  for (const { name, path, budget } of pages) {
    const { context, page, meter, first, repeat } = await visit(browser, path);
    console.log(`${name} ${path}`);
    console.log(`  first visit:  ${line(first)}${check(`${name} first visit`, sumBytes(first), 'total' in budget ? budget.total : undefined)}`);
    console.log(`                JS${check(`${name} JS before intent`, sumBytes(first, 'script'), budget.js)}`);
    console.log(`  repeat visit: ${line(repeat)}${check(`${name} repeat visit`, sumBytes(repeat), 'repeat' in budget ? budget.repeat : undefined)}`);
    if (path === pages[0].path) {
      const clicked = performance.now();
      await page.getByRole('button', { name: 'Edit' }).first().click();
      await page.locator('.monaco-editor .view-lines').first().waitFor();
      const readyMs = performance.now() - clicked;
      await page.waitForLoadState('networkidle');
      const editor = meter.take();
      console.log(`  editor (first Edit): ${line(editor)}${check('editor', sumBytes(editor), editorBudget)}; visible ${readyMs.toFixed(0)} ms after the click`);
      for (const row of editor.filter((r) => r.bytes > 50 * 1024)) console.log(`    ${kb(row.bytes).padStart(10)} ${row.encoding || 'raw'}  ${new URL(row.url).pathname}`);
    }
    await context.close();
    console.log('');
  }
  if (over.length) {
    console.log(`Over budget:\n  ${over.join('\n  ')}`);
    process.exitCode = 1;
  } else console.log('All budgets met.');
} finally {
  await browser.close();
  await server?.close();
}
