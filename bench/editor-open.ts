import type { Page } from '@playwright/test';

/**
 * Clicks Edit on the page's first playground and waits until Monaco shows its text: the wait a
 * learner has after the first click. Milliseconds, timed inside the page from the click event's
 * own timestamp to the first animation frame with Monaco's lines in it, so Playwright's checks
 * before it clicks (about 100 ms on this machine, found in a CPU profile) are not counted.
 */
export async function timeEditorOpen(page: Page): Promise<number> {
  const waited = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        document.addEventListener(
          'click',
          (event) => {
            const clickedAt = event.timeStamp;
            const whenShown = () => {
              if (document.querySelector('.monaco-editor .view-lines')) resolve(performance.now() - clickedAt);
              else requestAnimationFrame(whenShown);
            };
            requestAnimationFrame(whenShown);
          },
          { once: true, capture: true },
        );
      }),
  );
  // The listener is in place once evaluate has run its function; only then is Edit clicked.
  await page.evaluate(() => undefined);
  await page.getByRole('button', { name: 'Edit' }).first().click();
  return waited;
}
