import { expect, test } from '@playwright/test';

test('the course index lists the lessons by chapter and links to them', async ({ page }) => {
  await page.goto('/');
  const chapter = page.getByRole('region', { name: /Why WebSockets/ });
  await expect(chapter.getByRole('link', { name: 'What is a WebSocket?' })).toBeVisible();
  await chapter.getByRole('link', { name: 'What is a WebSocket?' }).click();
  await expect(page).toHaveURL(/\/lessons\/what-is-a-websocket\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'What is a WebSocket?' })).toBeVisible();
});

test('a lesson page shows the sidebar by chapter with the current lesson marked', async ({ page }) => {
  await page.goto('/lessons/what-is-a-websocket/');
  const sidebar = page.getByRole('navigation', { name: 'Main' });
  await expect(sidebar.getByText('Why WebSockets')).toBeVisible();
  await expect(sidebar.getByRole('link', { name: 'What is a WebSocket?' })).toHaveAttribute('aria-current', 'page');
});

test('a lesson reads well before any script runs: the example is highlighted code', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/lessons/what-is-a-websocket/');
  await expect(page.locator('duplex-playground pre').first()).toContainText("connect('/ws/echo')");
  await context.close();
});
