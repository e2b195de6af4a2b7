import { expect, test, type Page } from '@playwright/test';

/** Pagefind's UI bundle: Vite names it after its entry, `ui-core`. */
const pagefindRequests = (page: Page) => {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (/\/(ui-core|ui)[.-][\w-]+\.js$|\/pagefind\//.test(new URL(request.url()).pathname)) seen.push(request.url());
  });
  return seen;
};

test('a learner finds a lesson through search; nothing of Pagefind loads before they open it', async ({ page }) => {
  test.setTimeout(60_000); // a loaded machine: Pagefind's index loads on first search
  const loaded = pagefindRequests(page);
  await page.goto('/lessons/what-is-a-websocket/');
  await page.waitForLoadState('networkidle');
  expect(loaded).toEqual([]);
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog).toBeVisible();
  const box = dialog.getByRole('textbox');
  await expect(box).toBeFocused();
  await box.fill('handshake');
  await dialog.getByRole('link', { name: /opening handshake/i }).first().click();
  await expect(page).toHaveURL(/\/lessons\/opening-handshake\//);
  expect(loaded.length).toBeGreaterThan(0);
});

test('Ctrl+K opens search (and loads it) from the keyboard, Escape closes it', async ({ page }) => {
  test.setTimeout(60_000);
  const loaded = pagefindRequests(page);
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  expect(loaded).toEqual([]);
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog.getByRole('textbox')).toBeFocused();
  await page.keyboard.type('heartbeat');
  await expect(dialog.getByRole('link').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
