/**
 * Lighthouse (mobile preset: a mid-range phone on a slow 4G link, simulated) against the
 * production build served by the real server: three lessons, the heaviest (`the-race`) among
 * them, three runs each; prints the median of each category, of FCP/LCP/TBT/Speed Index, and of
 * what drives them under simulated throttling: the HTML's transferred bytes (styles are inlined)
 * and its element count.
 *   npm run bench:lighthouse            (after `npm run build`; BASE_URL to measure another server)
 * Works offline: Debian's Chromium on localhost, nothing fetched from elsewhere.
 */
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { ConfigSchema } from '../playground-server/config.ts';
import { startServer } from '../playground-server/server.ts';
import { median } from './stats.ts';

const lessons = ['/lessons/what-is-a-websocket/', '/lessons/opening-handshake/', '/lessons/the-race/'];
const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const server = process.env.BASE_URL ? null : await startServer(ConfigSchema.parse({ port: 0, host: '127.0.0.1' }));
const base = (process.env.BASE_URL ?? server!.url).replace('127.0.0.1', 'localhost');
const chrome = await launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

try {
  console.log(`Lighthouse mobile, median of ${runs} runs, ${base}\n`);
  for (const path of lessons) {
    const samples: Record<string, number[]> = {};
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(`${base}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      const { lhr } = result;
      const note = (name: string, value: number) => (samples[name] ??= []).push(value);
      for (const category of categories) note(category, Math.round((lhr.categories[category]?.score ?? 0) * 100));
      note('FCP ms', lhr.audits['first-contentful-paint']?.numericValue ?? NaN);
      note('LCP ms', lhr.audits['largest-contentful-paint']?.numericValue ?? NaN);
      note('TBT ms', lhr.audits['total-blocking-time']?.numericValue ?? NaN);
      note('SI ms', lhr.audits['speed-index']?.numericValue ?? NaN);
      const requests = (lhr.audits['network-requests']?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? [];
      note('HTML B', requests.find((request) => request.resourceType === 'Document')?.transferSize ?? NaN);
      note('DOM elements', lhr.audits['dom-size']?.numericValue ?? NaN);
      if (run === 0) {
        const blocking = lhr.audits['render-blocking-resources']?.details as { items?: { url?: string; wastedMs?: number }[] } | undefined;
        for (const item of blocking?.items ?? []) console.log(`  render-blocking: ${item.url} (${Math.round(item.wastedMs ?? 0)} ms)`);
      }
    }
    console.log(
      `${path}: ` +
        Object.entries(samples)
          .map(([name, values]) => `${name} ${Math.round(median(values))}`)
          .join(', '),
    );
  }
} finally {
  chrome.kill();
  await server?.close();
}
