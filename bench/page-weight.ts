/**
 * What each page type costs as the browser receives it (transferred bytes: compressed, headers
 * included, as sent), on a first visit with an empty cache and on a repeat visit, and what the
 * editor adds on the first click on Edit. Usage: `npm run bench:weight` after `npm run build`
 * (starts the server itself), or `BASE_URL=http://127.0.0.1:4321 npm run bench:weight` against a
 * running one. Prints a table; exits non-zero over a budget.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { ConfigSchema } from '../playground-server/config.ts';
import { startServer } from '../playground-server/server.ts';
import { kb, meterTransfers, sumBytes, type Transfer } from './transfer-meter.ts';
import { benchBrowserArgs } from './browser-args.ts';
import { startSharedLink } from './shared-link.ts';
import { timeEditorOpen } from './editor-open.ts';

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

/** Edit on the first playground, then the bytes the link carried and the time until Monaco shows. */
async function openEditor(page: Page) {
  const counted = link.bytesDown;
  const readyMs = await timeEditorOpen(page);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000); // the language workers start right after the editor shows
  return { wire: link.bytesDown - counted, readyMs };
}

/**
 * First visit in a fresh profile (the page's own requests, then everything the link carried
 * once the page is idle: the service worker keeping the page and prefetching the editor), then
 * a second visit of the same URL in that profile.
 */
async function visit(b: Browser, path: string) {
  const context = await b.newContext();
  const page = await context.newPage();
  const meter = await meterTransfers(page);
  let counted = link.bytesDown;
  await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  const first = meter.take();
  await page.waitForTimeout(3000); // requestIdleCallback, then the worker's own fetches
  await page.waitForLoadState('networkidle');
  const idleWire = link.bytesDown - counted;
  const again = await context.newPage();
  const meterAgain = await meterTransfers(again);
  counted = link.bytesDown;
  await again.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  return { context, page, first, idleWire, repeat: meterAgain.take(), repeatWire: link.bytesDown - counted };
}

try {
  console.log(`Transferred bytes (as the browser received them) from ${base}\n`);
  for (const { name, path, budget } of pages) {
    const { context, page, first, idleWire, repeat, repeatWire } = await visit(browser, path);
    console.log(`${name} ${path}`);
    console.log(`  first visit:  ${line(first)}${check(`${name} first visit`, sumBytes(first), budget.total)}`);
    console.log(`                JS ${kb(sumBytes(first, 'script'))}${check(`${name} JS before intent`, sumBytes(first, 'script'), budget.js)}`);
    console.log(`                ${kb(idleWire)} on the wire once idle (with the service worker's caching and editor prefetch)`);
    console.log(`  repeat visit: ${kb(repeatWire)} on the wire${check(`${name} repeat visit`, repeatWire, budget.repeat)}; ${line(repeat)}`);
    if (path === pages[0]!.path) {
      const warm = await openEditor(page);
      // Cold: a profile with no service worker, so nothing was fetched ahead.
      const coldContext = await browser.newContext({ serviceWorkers: 'block' });
      const coldPage = await coldContext.newPage();
      await coldPage.goto(`${base}${path}`, { waitUntil: 'networkidle' });
      const cold = await openEditor(coldPage);
      await coldContext.close();
      console.log(`  editor, cold (first Edit, nothing prefetched): ${kb(cold.wire)} on the wire, workers included${check('editor', cold.wire, editorBudget)}; Monaco visible ${cold.readyMs.toFixed(0)} ms after the click (one sample; medians: npm run bench:editor)`);
      console.log(`  editor, after the idle prefetch: ${kb(warm.wire)} on the wire; Monaco visible ${warm.readyMs.toFixed(0)} ms after the click`);
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
