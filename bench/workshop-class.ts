// The host's class grid under a full room, in a real Chromium on the production build: 500
// attendees (ws clients in separate processes) each report a run result every 2 s for 60 s
// while the host console is open. We measure the host page's long tasks, the server's CPU, and
// the time from an attendee sending a result to the host's grid showing it (the result carries
// its send time; a MutationObserver in the page reads it off the new cell).
//   npm run bench:workshop   (after `npm run build`; CLASS_ATTENDEES, CLASS_SECONDS override)
import { chromium } from '@playwright/test';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { benchBrowserArgs } from './browser-args.ts';
import { percentile } from './stats.ts';

const attendees = Number(process.env.CLASS_ATTENDEES ?? 500);
const seconds = Number(process.env.CLASS_SECONDS ?? 60);
const everyMs = 2000;
const processes = 10;
const children: ChildProcess[] = [];
/** A failed run must not leave the server or the attendee processes behind. */
const stopChildren = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('exit', stopChildren);
const deadline = setTimeout(() => {
  console.error(`benchmark took over ${seconds + 180} s: giving up`);
  process.exit(1);
}, (seconds + 180) * 1000);

/** CPU seconds (user + system) a process has used, from /proc (Linux; clock ticks of 1/100 s). */
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

const server = spawn(process.execPath, ['playground-server/main.ts', '--port', '0', '--host', '127.0.0.1', '--site-dir', 'dist', '--ephemeral'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, WORKSHOP_MAX_ATTENDEES: String(attendees) },
});
children.push(server);
const [line] = (await once(server.stdout!, 'data')) as [Buffer];
const base = /http:\/\/[\d.]+:\d+/.exec(line.toString())?.[0];
if (!base) throw new Error(`server did not say where it runs: ${line}`);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: benchBrowserArgs });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(`${base}/workshop/host/`);
await page.getByRole('button', { name: 'Start a room' }).click();
await page.locator('[data-role="code"]').filter({ hasText: /^[A-Z2-9]{6}$/ }).waitFor();
const code = (await page.locator('[data-role="code"]').textContent()) ?? '';

const workers: ChildProcess[] = [];
const perProcess = Math.ceil(attendees / processes);
for (let p = 0; p < processes; p++) {
  const count = Math.min(perProcess, attendees - p * perProcess);
  if (count > 0) workers.push(fork('bench/workshop-attendees.ts', [`${base.replace('http', 'ws')}/ws/workshop/${code}`, String(count), `p${p}`]));
}
children.push(...workers);
await Promise.all(workers.map((worker) => new Promise((resolve) => worker.on('message', (m: { type: string }) => m.type === 'ready' && resolve(null)))));
await page.getByRole('rowheader').nth(attendees - 1).waitFor({ state: 'attached' });
// The exercise everyone reports on: its column is the grid's first.
await page.getByRole('button', { name: 'Push to everyone' }).click();
await page.getByRole('columnheader', { name: 'Echo' }).waitFor();

// From here on: every long task of the host page, and every result's way to the grid.
await page.evaluate(() => {
  const w = window as unknown as { longTasks: number[]; latencies: number[]; frames: Array<{ duration: number; script: number; render: number }> };
  Object.assign(w, { longTasks: [], latencies: [], frames: [] });
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => w.longTasks.push(entry.duration))).observe({ type: 'longtask' });
  // Long animation frames say where a slow frame went: our scripts, or style and layout.
  new PerformanceObserver((list) =>
    list.getEntries().forEach((entry) => {
      const frame = entry as PerformanceEntry & { renderStart: number; scripts: Array<{ duration: number }> };
      w.frames.push({ duration: frame.duration, script: frame.scripts.reduce((sum, script) => sum + script.duration, 0), render: frame.renderStart > 0 ? frame.startTime + frame.duration - frame.renderStart : 0 });
    }),
  ).observe({ type: 'long-animation-frame' });
  const seen = new Set<string>();
  new MutationObserver((records) => {
    const at = Date.now();
    for (const record of records) {
      for (const node of record.addedNodes) {
        const stamp = node instanceof HTMLElement ? /: t(\d+)/.exec(node.querySelector('.ws-error-line')?.textContent ?? '') : null;
        // A row is redrawn for other reasons too (link health, the stuck check): count each result once.
        if (!stamp || seen.has(stamp[1]!)) continue;
        seen.add(stamp[1]!);
        w.latencies.push(at - Number(stamp[1]));
      }
    }
  }).observe(document.querySelector('[data-role="class-rows"]')!, { childList: true, subtree: true });
});

/** CPU seconds the page's renderer used: unlike wall-clock task lengths, other jobs on the machine do not inflate it. */
const browserCdp = await browser.newBrowserCDPSession();
const rendererCpuSeconds = async () => {
  const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; cpuTime: number }> };
  return processInfo.filter((info) => info.type === 'renderer').reduce((sum, info) => sum + info.cpuTime, 0);
};
const rendererBefore = await rendererCpuSeconds();
const cpuBefore = cpuSeconds(server.pid!);
const started = performance.now();
for (const worker of workers) worker.send({ type: 'report', exercise: 'snippet-1', everyMs, seconds });
const sent = await Promise.all(workers.map((worker) => new Promise<number>((resolve) => worker.on('message', (m: { type: string; sent: number }) => m.type === 'reported' && resolve(m.sent)))));
const elapsed = (performance.now() - started) / 1000;
const cpuUsed = cpuSeconds(server.pid!) - cpuBefore;
const { longTasks, latencies, frames } = await page.evaluate(() => {
  const w = window as unknown as { longTasks: number[]; latencies: number[]; frames: Array<{ duration: number; script: number; render: number }> };
  return { longTasks: w.longTasks, latencies: w.latencies, frames: w.frames };
});
const rendererCpu = (await rendererCpuSeconds()) - rendererBefore;
const counts = await page.locator('[data-role="class-counts"]').textContent();

for (const worker of workers) worker.send({ type: 'stop' });
await browser.close();
server.kill('SIGTERM');
clearTimeout(deadline);

const sorted = [...latencies].sort((a, b) => a - b);
const round = (n: number) => Math.round(n * 10) / 10;
console.log(
  JSON.stringify(
    {
      attendees,
      seconds,
      resultsSent: sent.reduce((a, b) => a + b, 0),
      resultsSeenOnGrid: latencies.length,
      resultToGridMs: { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN },
      hostLongTasks: { count: longTasks.length, over50ms: longTasks.filter((d) => d > 50).length, maxMs: round(Math.max(0, ...longTasks)) },
      serverCpuPercent: round((cpuUsed / elapsed) * 100),
      hostRendererCpuPercent: round((rendererCpu / elapsed) * 100),
      /** Frames over 50 ms (long animation frames): their longest, and the time in them spent in our scripts vs style, layout and paint. */
      hostLongFrames: {
        count: frames.length,
        maxMs: round(Math.max(0, ...frames.map((f) => f.duration))),
        scriptMs: round(frames.reduce((sum, f) => sum + f.script, 0)),
        renderMs: round(frames.reduce((sum, f) => sum + f.render, 0)),
      },
      gridCounts: counts,
      /** The machine's 1-minute load average at the end: the numbers are only comparable at similar load. */
      loadAverage1m: round(loadavg()[0]!),
    },
    null,
    2,
  ),
);
