import type { Page } from '@playwright/test';

/**
 * Clicks Edit on the page's first playground and waits until Monaco shows its text: the wait a
 * learner has after the first click. Milliseconds, measured from just before the click.
 */
export async function timeEditorOpen(page: Page): Promise<number> {
  const clicked = performance.now();
  await page.getByRole('button', { name: 'Edit' }).first().click();
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  return performance.now() - clicked;
}
