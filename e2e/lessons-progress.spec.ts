import { expect, test } from '@playwright/test';
import { editorReady } from './editor-support.ts';

test('a first-time visitor sees no "continue" prompt and no progress marks', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('Continue where you left off')).toBeHidden();
  await expect(page.locator('.course-index .duplex-progress-mark')).toHaveCount(0);
});

test('after opening a lesson, the index offers to continue there and marks it visited', async ({ page }) => {
  await page.goto('/lessons/frames-on-the-wire/');
  await expect(page.getByRole('heading', { level: 1, name: 'Frames on the wire' })).toBeVisible();
  await page.goto('/');
  await expect(page.getByText('Continue where you left off')).toBeVisible();
  await page.getByRole('link', { name: 'Frames on the wire' }).first().click();
  await expect(page).toHaveURL(/\/lessons\/frames-on-the-wire\/$/);
  await page.goto('/');
  const index = page.locator('.course-index');
  await expect(index.getByRole('link', { name: 'Frames on the wire visited' })).toBeVisible();
  await expect(page.locator('duplex-continue [data-role="tally"]')).toHaveText(/^1 of \d+ lessons visited, 0 with every exercise passed\.$/);
});

test('passing a lesson’s exercise marks it done in the sidebar and on the index, and the exercise remembers', async ({ page }) => {
  await page.goto('/lessons/opening-handshake/');
  const exercise = page.locator('duplex-exercise[data-exercise="accept-key"]');
  await expect(exercise).toHaveAttribute('data-ready', '');
  await exercise.getByText('Solution', { exact: true }).click();
  await exercise.getByRole('button', { name: 'Put the solution in the editor' }).click();
  await expect(exercise.locator('.monaco-editor')).toBeVisible(editorReady);
  await exercise.getByRole('button', { name: 'Run' }).click();
  await expect(exercise.locator('.verdict')).toHaveText(/^Passed: /);
  const sidebar = page.getByRole('navigation', { name: 'Main' });
  await expect(sidebar.getByRole('link', { name: 'The opening handshake done' })).toBeVisible();
  await page.reload();
  await expect(page.locator('duplex-exercise[data-exercise="accept-key"] .verdict')).toHaveText('You have passed this exercise before. Run it again any time.');
  await page.goto('/');
  await expect(page.locator('.course-index').getByRole('link', { name: 'The opening handshake done' })).toBeVisible();
});

test('a hint and the solution are one click away, and readable without running anything', async ({ page }) => {
  await page.goto('/lessons/what-is-a-websocket/');
  const exercise = page.getByRole('region', { name: 'Exercise: Talk without waiting' });
  await exercise.getByText('Hint', { exact: true }).click();
  await expect(exercise.getByText('Move the sends into')).toBeVisible();
  await exercise.getByText('Solution', { exact: true }).click();
  await expect(exercise.getByText("for (const text of ['one', 'two', 'three'])")).toBeVisible();
});
