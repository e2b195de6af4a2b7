/**
 * How long a learner waits for the editor after the first click on Edit, on the production
 * build: the median of several samples, cold (a fresh profile: empty HTTP cache, no service
 * worker, nothing prefetched) and warm (the same profile again: the editor's hashed files come
 * from the HTTP cache, as on a second lesson). Goals (issue 13): warm ≤ 500 ms, cold ≤ 1.0 s.
 *   npm run bench:editor        (after `npm run build`; EDITOR_RUNS=7 for more samples; BASE_URL for another server)
 * The page is loaded and idle before each click, so only the editor's own loading is timed.
 */
import { chromium, type BrowserContext } from '@playwright/test';
import { ConfigSchema } from '../playground-server/config.ts';
import { startServer } from '../playground-server/server.ts';
import { benchBrowserArgs } from './browser-args.ts';
import { timeEditorOpen } from './editor-open.ts';
import { median } from './stats.ts';

const lesson = process.env.EDITOR_LESSON ?? '/lessons/what-is-a-websocket/';
const runs = Number(process.env.EDITOR_RUNS ?? 5);
const goals = { cold: 1000, warm: 500 };

const server = process.env.BASE_URL ? null : await startServer(ConfigSchema.parse({ port: 0, host: '127.0.0.1' }));
const base = process.env.BASE_URL ?? server!.url;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: benchBrowserArgs });

async function sample(context: BrowserContext): Promise<number> {
  const page = await context.newPage();
  await page.goto(`${base}${lesson}`, { waitUntil: 'networkidle' });
  const ms = await timeEditorOpen(page);
  await page.close();
  return ms;
}

try {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < runs; run++) {
    // Service workers blocked: their idle prefetch would make the "cold" open a warm one.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    cold.push(await sample(context));
    warm.push(await sample(context));
    await context.close();
  }
  const show = (values: number[]) => `median ${median(values).toFixed(0)} ms (samples ${values.map((v) => v.toFixed(0)).join(', ')})`;
  console.log(`Monaco visible after the first click on Edit, ${base}${lesson}, ${runs} runs\n`);
  console.log(`  cold (empty cache): ${show(cold)}; goal ≤ ${goals.cold} ms`);
  console.log(`  warm (HTTP cache):  ${show(warm)}; goal ≤ ${goals.warm} ms`);
} finally {
  await browser.close();
  await server?.close();
}
