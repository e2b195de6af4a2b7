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
import { startSharedLink } from './shared-link.ts';

interface Budget {
  js?: number;
  total?: number;
  repeat?: number;
}
const pages: { name: string; path: string; budget: Budget }[] = [
  { name: 'lesson', path: '/lessons/what-is-a-websocket/', budget: { js: 25 * 1024, total: 90 * 1024, repeat: 10 * 1024 } },
  { name: 'heaviest lesson', path: '/lessons/the-race/', budget: { js: 25 * 1024, total: 90 * 1024, repeat: 10 * 1024 } },
  { name: 'index', path: '/', budget: { js: 15 * 1024 } },
  { name: 'playground', path: '/playground/', budget: {} },
  { name: 'workshop join', path: '/workshop/join/', budget: {} },
];
const editorBudget = 1.1 * 1024 * 1024;

const server = process.env.BASE_URL ? null : await startServer(ConfigSchema.parse({ port: 0, host: '127.0.0.1' }));
const target = new URL(process.env.BASE_URL ?? server!.url);
// The browser goes through a counting relay: worker scripts, which the page's own network log
// does not list, are counted too (the editor's TypeScript worker is its biggest part).
const link = await startSharedLink({ host: target.hostname, port: Number(target.port) });
const base = link.url;
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
  let counted = link.bytesDown;
  await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  const first = meter.take();
  const firstWire = link.bytesDown - counted;
  const again = await context.newPage();
  const meterAgain = await meterTransfers(again);
  counted = link.bytesDown;
  await again.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  return { context, page, meter, first, firstWire, repeat: meterAgain.take(), repeatWire: link.bytesDown - counted };
}

try {
  console.log(`Transferred bytes (as the browser received them) from ${base}\n`);
  for (const { name, path, budget } of pages) {
    const { context, page, meter, first, firstWire, repeat, repeatWire } = await visit(browser, path);
    console.log(`${name} ${path}`);
    console.log(`  first visit:  ${kb(firstWire)} on the wire${check(`${name} first visit`, firstWire, budget.total)}; ${line(first)}`);
    console.log(`                JS ${kb(sumBytes(first, 'script'))}${check(`${name} JS before intent`, sumBytes(first, 'script'), budget.js)}`);
    console.log(`  repeat visit: ${kb(repeatWire)} on the wire${check(`${name} repeat visit`, repeatWire, budget.repeat)}; ${line(repeat)}`);
    if (path === pages[0]!.path) {
      const counted = link.bytesDown;
      const clicked = performance.now();
      await page.getByRole('button', { name: 'Edit' }).first().click();
      await page.locator('.monaco-editor .view-lines').first().waitFor();
      const readyMs = performance.now() - clicked;
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(1000); // the language workers start right after the editor shows
      const editor = meter.take();
      const editorWire = link.bytesDown - counted;
      console.log(`  editor (first Edit): ${kb(editorWire)} on the wire, workers included${check('editor', editorWire, editorBudget)}; visible ${readyMs.toFixed(0)} ms after the click`);
      console.log(`                page's own log: ${line(editor)}`);
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
  await link.close();
  await server?.close();
}
