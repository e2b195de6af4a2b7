import { expect, test } from '@playwright/test';
import { FaultProxy } from '../test-support/fault-proxy.ts';
import { alerts, join, openPoll, push, rowOf, startRoom } from './workshop-support.ts';

/**
 * Real network faults between a workshop page and the server: the page is loaded through a TCP
 * fault proxy (its origin is the proxy), and the test cuts that path: open connections are
 * reset and new ones refused, as when a laptop's Wi-Fi drops. Nothing here imitates a drop
 * with a close code.
 */
const it = test.extend<{ link: FaultProxy }>({
  link: async ({ baseURL }, use) => {
    const proxy = await FaultProxy.start(baseURL ?? '');
    await use(proxy);
    await proxy.stop();
  },
});
test.afterEach(() => expect(alerts, 'no page may run attendee input as code').toEqual([]));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('an attendee behind a flaky link comes back as the same attendee after an 8 s cut, with what was pushed meanwhile', async ({ browser, link }) => {
  test.setTimeout(90_000);
  const host = await startRoom(browser);
  await openPoll(host.page, 'Ready?', 'yes\nno');
  const ada = await join(browser, host.code, 'Ada', link.url);
  await ada.page.getByRole('list', { name: 'Poll options' }).getByRole('button', { name: 'yes' }).click();
  await expect(host.page.locator('[data-role="poll-summary"]')).toHaveText('1 vote');

  await link.cut(600); // healed by hand after 8 s
  await expect(rowOf(host.page, 'Ada')).toContainText('reconnecting');
  await expect(ada.page.getByRole('status').filter({ hasText: 'reconnecting' })).toBeVisible();
  await push(host.page, "log('pushed during the cut');");
  await sleep(8000);
  await link.heal();

  await expect(ada.page.getByLabel('Pushed snippet')).toHaveText("log('pushed during the cut');");
  await expect(ada.page.getByRole('status').filter({ hasText: 'connected' })).toBeVisible();
  await expect(ada.page.getByText('You are Ada')).toBeVisible();
  await expect(ada.page.getByText('yes (your vote)')).toBeVisible();
  await push(host.page, "log('pushed after the cut');");
  await expect(ada.page.getByLabel('Pushed snippet')).toHaveText("log('pushed after the cut');");
  await expect(rowOf(host.page, 'Ada')).toContainText('connected');
  await expect(host.page.getByRole('list', { name: 'Attendees' }).getByRole('listitem')).toHaveCount(1);
  await expect(host.page.locator('[data-role="poll-summary"]')).toHaveText('1 vote');
  await ada.context.close();
  await host.context.close();
});

it('the host console behind a flaky link keeps its host key through an 8 s cut', async ({ browser, link }) => {
  test.setTimeout(90_000);
  const host = await startRoom(browser, link.url);
  const bea = await join(browser, host.code, 'Bea');
  await link.cut(600);
  await expect(host.page.getByRole('status').filter({ hasText: 'reconnecting' })).toBeVisible();
  await sleep(8000);
  await link.heal();
  await expect(host.page.getByRole('status').filter({ hasText: 'connected' })).toBeVisible();
  await expect(host.page.locator('[data-role="code"]')).toHaveText(host.code);
  await expect(rowOf(host.page, 'Bea')).toContainText('connected');
  await push(host.page, "log('the host is still the host');");
  await expect(bea.page.getByLabel('Pushed snippet')).toHaveText("log('the host is still the host');");
  await bea.context.close();
  await host.context.close();
});

it('a cut longer than the reconnect grace still brings the attendee back to the same row', async ({ browser, link }) => {
  test.setTimeout(120_000);
  const host = await startRoom(browser);
  const cy = await join(browser, host.code, 'Cy', link.url);
  await link.cut(600);
  // The e2e server's grace is short (WORKSHOP_RECONNECT_GRACE_SECONDS in playwright.config.ts).
  await expect(rowOf(host.page, 'Cy')).toContainText('left', { timeout: 30_000 });
  await link.heal();
  await expect(rowOf(host.page, 'Cy')).toContainText('connected');
  await expect(cy.page.getByText('You are Cy')).toBeVisible();
  await expect(host.page.getByRole('list', { name: 'Attendees' }).getByRole('listitem')).toHaveCount(1);
  await cy.context.close();
  await host.context.close();
});

it('a wall post and a vote made while the link is down wait, shown as waiting, and are delivered once when it is back', async ({ browser, link }) => {
  test.setTimeout(90_000);
  const host = await startRoom(browser);
  await openPoll(host.page, 'Lunch?', 'now\nlater');
  const dee = await join(browser, host.code, 'Dee', link.url);
  await link.cut(600);
  await expect(dee.page.getByRole('status').filter({ hasText: 'offline or the connection is down' })).toBeVisible();
  await dee.page.getByRole('textbox', { name: 'Message' }).fill('posted while offline');
  await dee.page.getByRole('button', { name: 'Post' }).click();
  await dee.page.getByRole('list', { name: 'Poll options' }).getByRole('button', { name: 'later' }).click();
  const waiting = dee.page.getByRole('list', { name: 'Waiting to be sent' });
  await expect(waiting).toContainText('post “posted while offline”');
  await expect(waiting).toContainText('vote “later”');
  await sleep(3000);
  await link.heal();
  const hostWall = host.page.getByRole('list', { name: 'Message wall' });
  await expect(hostWall.getByText('posted while offline')).toHaveCount(1);
  await expect(host.page.locator('[data-role="poll-summary"]')).toHaveText('1 vote');
  await expect(waiting.getByRole('listitem')).toHaveCount(0);
  await expect(dee.page.getByText('later (your vote)')).toBeVisible();
  await expect(dee.page.getByRole('status').filter({ hasText: 'offline or the connection is down' })).toBeHidden();
  await dee.context.close();
  await host.context.close();
});

it("the page hears the browser's offline and online events", async ({ browser }) => {
  const host = await startRoom(browser);
  const eve = await join(browser, host.code, 'Eve');
  await eve.context.setOffline(true);
  await expect(eve.page.getByRole('status').filter({ hasText: 'offline or the connection is down' })).toBeVisible();
  await eve.context.setOffline(false);
  await expect(eve.page.getByRole('status').filter({ hasText: 'offline or the connection is down' })).toBeHidden();
  await eve.context.close();
  await host.context.close();
});

it('a name the room would not show is refused in the page, and the form stays for another try', async ({ browser }) => {
  const host = await startRoom(browser);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/workshop/join/?code=${host.code}`);
  const name = page.getByLabel('Your name');
  for (const [typed, said] of [
    ['\u200B\u200B\u200B', 'enter a name'],
    ['   ', 'enter a name'],
    ['x'.repeat(10_000), 'a name has at most 40 characters (yours has 10000)'],
  ] as const) {
    await name.fill(typed);
    await page.getByRole('button', { name: 'Join' }).click();
    await expect(page.getByRole('alert')).toHaveText(said);
  }
  await name.fill('Fay');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByText('You are Fay')).toBeVisible();
  await page.getByRole('textbox', { name: 'Message' }).fill('y'.repeat(10_000));
  await page.getByRole('button', { name: 'Post' }).click();
  await expect(page.getByRole('alert')).toHaveText('a message has at most 280 characters (yours has 10000): nothing was sent');
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('y'.repeat(10_000));
  await context.close();
  await host.context.close();
});
