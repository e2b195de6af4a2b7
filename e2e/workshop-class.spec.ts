import { expect, test } from '@playwright/test';
import { FaultProxy } from '../test-support/fault-proxy.ts';
import { join, startRoom } from './workshop-support.ts';

/**
 * The instructor sees the class: host + 5 attendees. Two pass the pushed exercise, one's code
 * throws, one's link is cut at the TCP level (her page is loaded through the fault proxy), one
 * never starts.
 */
const it = test.extend<{ link: FaultProxy }>({
  link: async ({ baseURL }, use) => {
    const proxy = await FaultProxy.start(baseURL ?? '');
    await use(proxy);
    await proxy.stop();
  },
});

const secret = 'attendee-only-marker-7f3a';

it('the class grid shows who passed, who has an error, whose link is cut and who has not started', async ({ browser, link }) => {
  test.setTimeout(300_000);
  const { page: host, code } = await startRoom(browser);
  const joining = (name: string, origin = '') => join(browser, code, name, origin).then((attendee) => attendee.page);
  const [ada, grace, linus, dana, erin] = await Promise.all([joining('Ada'), joining('Grace'), joining('Linus'), joining('Dana', link.url), joining('Erin')]);
  // Consent, stated where attendees read it.
  await expect(ada.getByText(/^What the instructor sees: your name/).filter({ visible: true })).toHaveCount(1);
  const grid = host.getByRole('table', { name: 'Class progress' });
  const row = (name: string) => grid.getByRole('row').filter({ has: host.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
  await expect(grid.getByRole('rowheader')).toHaveCount(5);

  await host.getByRole('textbox', { name: 'Title' }).fill('Echo');
  await host.getByRole('textbox', { name: 'Code', exact: true }).fill("const s = connect('/ws/echo');\nlog('ready');");
  await host.getByRole('button', { name: 'Push to everyone' }).click();
  await expect(grid.getByRole('columnheader', { name: 'Echo' })).toBeVisible();

  for (const page of [ada, grace]) await page.getByRole('button', { name: 'Run it' }).click();
  // Linus's own code throws. It goes in as the playground's current code (data-current, what a
  // pushed snippet sets) so the test does not wait for Monaco on a loaded machine.
  const playground = linus.locator('duplex-playground');
  await playground.evaluate((el: HTMLElement, code) => (el.dataset.current = code), `// ${secret}\nthrow new TypeError('sokcet is not defined <b>bold</b>\\nsecond line');`);
  await playground.getByRole('button', { name: 'Run', exact: true }).click();

  // "Run it" loads the editor first: slow on a shared machine, so this wait is generous (timings are for bench/).
  await expect(row('Ada')).toContainText('passed', { timeout: 90_000 });
  await expect(row('Grace')).toContainText('passed');
  await expect(row('Linus')).toContainText('error: TypeError: sokcet is not defined <b>bold</b>');
  await expect(row('Linus')).not.toContainText('second line');
  // Dana's Wi-Fi drops: the path is cut (connections reset, new ones refused) and stays down.
  await expect(row('Dana')).toContainText('connected');
  await link.cut(600);
  await expect(row('Dana')).toContainText('reconnecting');
  await expect(row('Erin')).toContainText('not started');
  await expect(host.getByText(/^Echo: 2 of 5 passed · 1 with an error · 0 running · 2 not started/)).toBeVisible();

  // Consent: the host sees statuses, never the attendee's code.
  await expect(host.getByText(secret)).toHaveCount(0);
  expect(await host.content()).not.toContain(secret);
  await expect(host.locator('b', { hasText: 'bold' })).toHaveCount(0);
  for (const page of [host, ada, grace, linus, dana, erin]) await page.context().close();
});
