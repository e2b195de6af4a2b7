import { expect, test } from '@playwright/test';
import { editorReady } from './editor-support.ts';
import { meterTransfers, sumBytes } from '../bench/transfer-meter.ts';

/**
 * Measurements, reported (annotations and stdout), not timing assertions: the numbers depend on
 * the machine. Only the byte budget, which is deterministic, is asserted.
 */
const report = (name: string, value: string) => {
  test.info().annotations.push({ type: name, description: value });
  console.log(`[measure] ${name}: ${value}`);
};

for (const { path, jsBudget } of [
  { path: '/lessons/what-is-a-websocket/', jsBudget: 25 * 1024 },
  { path: '/lessons/the-race/', jsBudget: 25 * 1024 },
  { path: '/', jsBudget: 15 * 1024 },
]) {
  test(`${path} ships little JavaScript before the learner shows intent, compressed as sent`, async ({ page }) => {
    const meter = await meterTransfers(page);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const rows = meter.take();
    const scripts = rows.filter((row) => row.kind === 'script');
    report(`${path} transferred-bytes`, `all ${sumBytes(rows)}, JS ${sumBytes(scripts)} (${scripts.map((r) => `${new URL(r.url).pathname.split('/').pop()} ${r.bytes}`).join(', ')})`);
    // Sent compressed: every script and stylesheet of any size goes out as brotli or gzip.
    expect(rows.filter((row) => row.bytes > 1500 && (row.kind === 'script' || row.kind === 'stylesheet' || row.kind === 'document') && !row.encoding).map((r) => r.url)).toEqual([]);
    expect(sumBytes(scripts)).toBeLessThanOrEqual(jsBudget);
    // Nothing stands between the HTML and first paint: no stylesheet to fetch, no blocking script.
    const blocking = await page.evaluate(() => [
      ...[...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].filter((link) => !link.media || link.media === 'all' || matchMedia(link.media).matches).map((link) => link.href),
      ...[...document.querySelectorAll<HTMLScriptElement>('head script[src]')].filter((script) => script.type !== 'module' && !script.async && !script.defer).map((script) => script.src),
    ]);
    expect(blocking).toEqual([]);
  });
}

test('Monaco is ready soon after the first click on Edit', async ({ page }) => {
  await page.goto('/lessons/what-is-a-websocket/');
  await page.waitForLoadState('networkidle');
  const pg = page.locator('duplex-playground').first();
  await pg.evaluate((el) => {
    el.addEventListener('click', () => ((window as unknown as { clickedAt: number }).clickedAt = performance.now()), { capture: true, once: true });
  });
  await pg.getByRole('button', { name: 'Edit' }).click();
  await expect(pg.locator('.monaco-editor .view-lines')).toBeVisible(editorReady);
  await expect(pg.getByRole('textbox', { name: /Playground code editor/ })).toBeFocused(editorReady);
  const ms = await page.evaluate(() => performance.now() - (window as unknown as { clickedAt: number }).clickedAt);
  report('monaco-ready-ms-after-click', ms.toFixed(0));
});

test('the traffic view stays responsive at 500 frames per second for 10 s', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/playground/');
  const pg = page.locator('duplex-playground');
  // Ten tickers at 20 ms each: 500 server→client frames a second, each also reported by the inspect channel.
  await pg.evaluate((el: Element & { setCode?: (code: string) => Promise<void> }) =>
    el.setCode?.("for (let i = 0; i < 10; i++) connect('/ws/ticker?interval=20');\n"),
  );
  await expect(pg).toHaveAttribute('data-editor', 'ready', editorReady);
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[]; messages: number; frames: number };
    w.longTasks = [];
    w.messages = 0;
    w.frames = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    document.addEventListener('duplex:run-event', (event) => {
      const detail = (event as CustomEvent<{ type: string; event?: string }>).detail;
      if (detail.type === 'socket' && detail.event === 'message') w.messages++;
    });
    const count = () => {
      w.frames++;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
  });
  await pg.getByRole('button', { name: 'Run' }).click();
  await expect(pg.getByRole('status')).toHaveText(/10 sockets: 10 open/);
  const start = await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[]; messages: number; frames: number };
    w.longTasks = [];
    w.messages = 0;
    w.frames = 0;
    return performance.now();
  });
  await page.waitForTimeout(10_000);
  const result = await page.evaluate((from) => {
    const w = window as unknown as { longTasks: number[]; messages: number; frames: number };
    const seconds = (performance.now() - from) / 1000;
    return { seconds, messages: w.messages, frames: w.frames, longTasks: w.longTasks };
  }, start);
  await pg.getByRole('button', { name: 'Stop' }).click();
  const longest = Math.max(0, ...result.longTasks);
  const blocked = result.longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0);
  report(
    'traffic-view-500fps',
    `${(result.messages / result.seconds).toFixed(0)} messages/s over ${result.seconds.toFixed(1)} s; ${(result.frames / result.seconds).toFixed(0)} animation frames/s; ` +
      `${result.longTasks.length} long tasks, longest ${longest.toFixed(0)} ms, blocking time ${blocked.toFixed(0)} ms`,
  );
  expect(result.messages).toBeGreaterThan(1000); // the load really ran (at least 100 a second even on a starved machine)
  // The page answers: the history stayed bounded and the marker says how much was cleared.
  await expect(pg.getByText(/Cleared \d+ older frames/)).toBeVisible();
});
