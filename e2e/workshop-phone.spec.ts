import { expect, test, type Page } from '@playwright/test';
import { forbidDialogs, openPoll, push, startRoom } from './workshop-support.ts';

/** An attendee on a phone: 390 px wide, touch, the screen most of a room holds. */
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const lesson = 'what-is-a-websocket';

/** How wide the page lays out: anything over the viewport is a sideways scroll. */
const pageWidth = (page: Page) => page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
const slides = (page: Page) => page.frameLocator('iframe[title="The instructor\'s slides"]');

test('on a 390 px phone the join page, slides, snippet, poll and wall fit without a sideways scroll', async ({ browser }) => {
  test.setTimeout(120_000);
  const host = await startRoom(browser);
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  forbidDialogs(page);
  await page.goto(`/workshop/join/?code=${host.code}`);
  await expect(page.getByLabel('Your name')).toBeVisible();
  expect(await pageWidth(page), 'the join form').toBeLessThanOrEqual(390);
  await page.getByLabel('Your name').fill('Phone');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByText('You are Phone')).toBeVisible();

  await push(host.page, "const s = connect('/ws/echo');\ns.onopen = () => s.send('a long line of a pushed snippet that is much wider than a phone screen, as code often is');\ns.onmessage = (e) => log('echo:', e.data);");
  await expect(page.getByLabel('Pushed snippet')).toContainText('much wider');
  await openPoll(host.page, 'Which side may speak first on an open WebSocket connection?', 'the client\nthe server\neither, at any time');
  await expect(page.getByRole('list', { name: 'Poll options' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Message' }).fill('https://example.invalid/a-very-long-address-without-any-spaces-in-it-at-all-to-break');
  await page.getByRole('button', { name: 'Post' }).click();
  await expect(page.getByRole('list', { name: 'Message wall' }).getByRole('listitem')).toHaveCount(1);

  const presenter = await host.context.newPage();
  await presenter.goto(`/present/${lesson}/?room=${host.code}`);
  await expect(presenter.getByRole('status').filter({ hasText: 'connected' })).toBeVisible();
  await presenter.keyboard.press('ArrowRight');
  await expect(slides(page).getByRole('heading', { level: 2 }).first()).toBeVisible();
  expect(await pageWidth(page), 'the room: slides, snippet, poll, wall and playground').toBeLessThanOrEqual(390);
  await context.close();
  await host.context.close();
});

test('on a 390 px phone the race lesson and its tables fit without a sideways scroll', async ({ browser }) => {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await page.goto('/lessons/the-race/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  await context.close();
});

test('on a 390 px phone a slide fits the screen beside the control bar', async ({ browser }) => {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await page.goto(`/present/${lesson}/`);
  const title = page.getByRole('navigation', { name: 'Slides' }).locator('xpath=..').getByRole('heading', { level: 1 });
  await expect(title).toBeInViewport();
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  // The slide's own box ends where the control bar begins: nothing of it is behind the bar.
  const stage = await page.locator('[data-role="stage"]').boundingBox();
  const bar = await page.getByRole('navigation', { name: 'Slides' }).boundingBox();
  expect((stage?.y ?? 0) + (stage?.height ?? 0)).toBeLessThanOrEqual((bar?.y ?? 0) + 1);
  await context.close();
});
