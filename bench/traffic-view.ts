/**
 * The traffic view under load, in a real Chromium on the production build: learner code on
 * /playground/ opens tickers, and for 10 s we record long tasks, animation frames per second,
 * the JS heap (after a forced GC) at 1 s and at 10 s, and the input delay of clicks made while
 * frames pour in. Scenarios: 500 frames/s (10 tickers at 20 ms), 5,000 frames/s (100 tickers),
 * and 50 sockets at a calm rate (how many DOM nodes the view uses for them).
 *   npm run bench:traffic     (after `npm run build`; starts the server in its own process)
 */
import { chromium, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { benchBrowserArgs } from './browser-args.ts';

const scenarios = [
  { name: '500 frames/s', sockets: 10, interval: 20 },
  { name: '5,000 frames/s', sockets: 100, interval: 20 },
  { name: '50 sockets, 50 frames/s', sockets: 50, interval: 1000 },
];
const seconds = Number(process.env.TRAFFIC_SECONDS ?? 10);

const server = spawn(process.execPath, ['playground-server/main.ts', '--port', '0', '--host', '127.0.0.1', '--site-dir', 'dist'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const [line] = (await once(server.stdout!, 'data')) as [Buffer];
const base = /http:\/\/[\d.]+:\d+/.exec(line.toString())?.[0];
if (!base) throw new Error(`server did not say where it runs: ${line}`);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: benchBrowserArgs });

async function heapMiB(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1048576;
}

async function run({ name, sockets, interval }: (typeof scenarios)[number]) {
  const page = await browser.newPage();
  await page.goto(`${base}/playground/`);
  const pg = page.locator('duplex-playground');
  await pg.evaluate(
    (el: Element & { setCode?: (code: string) => Promise<void> }, code) => el.setCode?.(code),
    `for (let i = 0; i < ${sockets}; i++) connect('/ws/ticker?interval=${interval}');\n`,
  );
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[]; frames: number; inputDelays: number[] };
    Object.assign(w, { longTasks: [], frames: 0, inputDelays: [] });
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => w.longTasks.push(entry.duration))).observe({ type: 'longtask' });
    new PerformanceObserver((list) =>
      list.getEntries().forEach((entry) => {
        const timing = entry as PerformanceEventTiming;
        if (timing.name === 'pointerdown' || timing.name === 'click') w.inputDelays.push(timing.processingStart - timing.startTime);
      }),
    ).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
    const count = () => {
      w.frames++;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
  });
  await pg.getByRole('button', { name: 'Run' }).click();
  await page.waitForTimeout(1000);
  const reset = () =>
    page.evaluate(() => {
      const w = window as unknown as { longTasks: number[]; frames: number; inputDelays: number[] };
      Object.assign(w, { longTasks: [], frames: 0, inputDelays: [] });
      return performance.now();
    });
  const heapAt1s = await heapMiB(page);
  const started = await reset();
  const clicks = [];
  for (let s = 1; s < seconds; s++) {
    await page.waitForTimeout(1000);
    // A click on the page's title: nothing to do, so its delay is the main thread's backlog.
    await page.getByRole('heading', { level: 1 }).click();
    clicks.push(s);
  }
  const result = await page.evaluate((from) => {
    const w = window as unknown as { longTasks: number[]; frames: number; inputDelays: number[] };
    return { elapsed: (performance.now() - from) / 1000, ...w, nodes: document.querySelectorAll('duplex-playground *').length };
  }, started);
  const heapAt10s = await heapMiB(page);
  await pg.getByRole('button', { name: 'Stop' }).click();
  await page.close();
  const longest = Math.max(0, ...result.longTasks);
  const worstInput = Math.max(0, ...result.inputDelays);
  console.log(
    `${name}: ${result.longTasks.length} long tasks (longest ${longest.toFixed(0)} ms); ${(result.frames / result.elapsed).toFixed(0)} animation frames/s; ` +
      `heap ${heapAt1s.toFixed(1)} MiB at 1 s, ${heapAt10s.toFixed(1)} MiB at ${seconds} s (${(heapAt10s - heapAt1s >= 0 ? '+' : '') + (heapAt10s - heapAt1s).toFixed(1)}); ` +
      `input delay of ${clicks.length} clicks: ${result.inputDelays.length ? `worst ${worstInput.toFixed(0)} ms` : 'all under 16 ms'}; ${result.nodes} DOM nodes in the playground`,
  );
}

try {
  console.log(`Traffic view, ${seconds} s per scenario, ${base}\n`);
  for (const scenario of scenarios) await run(scenario);
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
