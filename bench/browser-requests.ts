/**
 * The requests a real browser makes for a lesson, recorded once with Chromium so a load test can
 * replay them for many attendees without running many browsers: the page and its assets up to
 * network idle, then what the first click on Edit fetches (the editor's chunks and its workers).
 */
import { chromium } from '@playwright/test';
import { benchBrowserArgs } from './browser-args.ts';

export interface RecordedVisit {
  /** The lesson document first, then its assets, as paths. */
  page: string[];
  editor: string[];
}

export async function recordLessonVisit(base: string, lessonPath: string): Promise<RecordedVisit> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: benchBrowserArgs });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen: string[] = [];
    const note = (url: string) => {
      const { origin, pathname, search } = new URL(url);
      if (origin === new URL(base).origin && !seen.includes(pathname + search)) seen.push(pathname + search);
    };
    context.on('request', (request) => note(request.url()));
    // Worker scripts are fetched by the worker itself: Playwright names them through the worker.
    page.on('worker', (worker) => note(worker.url()));
    await page.goto(`${base}${lessonPath}`, { waitUntil: 'networkidle' });
    const pageRequests = seen.splice(0);
    await page.getByRole('button', { name: 'Edit' }).first().click();
    await page.locator('.monaco-editor .view-lines').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000); // the language workers start right after the editor shows
    return { page: pageRequests, editor: seen.filter((path) => !pageRequests.includes(path)) };
  } finally {
    await browser.close();
  }
}
