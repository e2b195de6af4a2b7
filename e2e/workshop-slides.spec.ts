import { expect, test } from '@playwright/test';
import { editorReady } from './editor-support.ts';

const deck = '/present/what-is-a-websocket/';

test('a lesson as slides: each section is a slide and the arrow keys move through them', async ({ page }) => {
  await page.goto(deck);
  const position = page.getByRole('navigation', { name: 'Slides' }).locator('[data-role="position"]');
  await expect(position).toHaveText('1 / 5');
  await expect(page.getByText('Say in one sentence what "full duplex over one TCP connection" means')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'One connection, two directions' })).toBeHidden();

  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { name: 'One connection, two directions' })).toBeVisible();
  await expect(position).toHaveText('2 / 5');
  await expect(page).toHaveURL(/#2$/);
  await page.keyboard.press('End');
  await expect(page.getByRole('heading', { name: 'Summary' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(position).toHaveText('5 / 5');
  await page.getByRole('button', { name: 'Previous slide' }).click();
  await expect(page.getByRole('heading', { name: 'Try it' })).toBeVisible();
  await page.keyboard.press('Home');
  await expect(position).toHaveText('1 / 5');
});

test('a playground runs live inside a slide', async ({ page }) => {
  await page.goto(`${deck}#4`);
  await expect(page.getByRole('heading', { name: 'Try it' })).toBeVisible();
  const playground = page.locator('duplex-playground').filter({ has: page.getByText('Echo', { exact: true }) });
  await playground.getByRole('button', { name: 'Run' }).click();
  await expect(playground.getByRole('log')).toContainText('the server said: hello, duplex');
});

test('an attendee page loads the editor only when asked, and pushes never overwrite their own edits', async ({ browser }) => {
  test.setTimeout(60_000);
  const hostContext = await browser.newContext();
  const host = await hostContext.newPage();
  await host.goto('/workshop/host/');
  await host.getByRole('button', { name: 'Start a room' }).click();
  await expect(host.getByRole('status').filter({ hasText: 'connected' })).toBeVisible();
  await expect(host.locator('[data-role="code"]')).toHaveText(/^[A-Z2-9]{6}$/);
  const code = await host.locator('[data-role="code"]').textContent();

  const context = await browser.newContext();
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(`/workshop/join/?code=${code}`);
  await page.getByLabel('Your name').fill('Lightweight');
  await page.getByRole('button', { name: 'Join' }).click();
  const snippet = "log('pushed into the editor');";
  await host.getByRole('textbox', { name: 'Code', exact: true }).fill(snippet);
  await host.getByRole('button', { name: 'Push to everyone' }).click();
  await expect(page.getByLabel('Pushed snippet')).toHaveText(snippet);
  await page.waitForLoadState('networkidle');
  expect(requested.filter((url) => /editor\.api|editor\.worker|ts\.worker/.test(url))).toEqual([]);

  // Asking for it loads Monaco with the snippet in it; the next push replaces it only if untouched.
  await page.getByRole('button', { name: 'Put it in my editor' }).click();
  const playground = page.locator('duplex-playground');
  await expect(playground.locator('.monaco-editor')).toBeVisible(editorReady);
  await expect(playground.locator('.view-lines')).toContainText('pushed into the editor');
  const second = "log('second push');";
  await host.getByRole('textbox', { name: 'Code', exact: true }).fill(second);
  await host.getByRole('button', { name: 'Push to everyone' }).click();
  await expect(playground.locator('.view-lines')).toContainText('second push');

  // Once the attendee edits, a push no longer overwrites their code until they choose it.
  await playground.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText("\nlog('my own line');");
  const third = "log('third push');";
  await host.getByRole('textbox', { name: 'Code', exact: true }).fill(third);
  await host.getByRole('button', { name: 'Push to everyone' }).click();
  await expect(page.getByLabel('Pushed snippet')).toHaveText(third);
  await expect(playground.locator('.view-lines')).toContainText('my own line');
  await expect(playground.locator('.view-lines')).not.toContainText('third push');
  await page.getByRole('button', { name: 'Put it in my editor' }).click();
  await expect(playground.locator('.view-lines')).toContainText('third push');

  // A run that throws shows up on the host's list at a glance.
  await host.getByRole('textbox', { name: 'Code', exact: true }).fill("throw new Error('boom');");
  await host.getByRole('button', { name: 'Push to everyone' }).click();
  await expect(page.getByLabel('Pushed snippet')).toHaveText("throw new Error('boom');");
  await page.getByRole('button', { name: 'Run it' }).click();
  await expect(playground.getByRole('log')).toContainText('boom');
  const row = host.getByRole('list', { name: 'Attendees' }).getByRole('listitem').filter({ hasText: 'Lightweight' });
  await expect(row).toContainText('last run failed');
  await context.close();
  await hostContext.close();
});

test('the speaker view shows what comes next and moves the projected slides with it', async ({ page }) => {
  await page.goto(deck);
  const [speaker] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Speaker view' }).click()]);
  const notes = speaker.getByRole('complementary', { name: 'Speaker view' });
  await expect(notes.getByText('Next:')).toHaveText('Next: One connection, two directions');
  await expect(notes).toContainText('elapsed');
  await speaker.keyboard.press('ArrowRight');
  await expect(notes).toContainText('Next: What it is not');
  await expect(page.getByRole('heading', { name: 'One connection, two directions' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(notes).toContainText('Next: the end');
});
