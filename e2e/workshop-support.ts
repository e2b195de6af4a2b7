import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

/** Helpers of the workshop specs: a host's room, attendees who join it, the host's rows. */

export interface Attendee {
  name: string;
  context: BrowserContext;
  page: Page;
}

/** Every alert() any page shows: an XSS payload that ran would call it. The host's confirm is accepted. */
export const alerts: string[] = [];
export function forbidDialogs(page: Page) {
  page.on('dialog', (dialog) => {
    if (dialog.type() === 'confirm') return void dialog.accept();
    alerts.push(dialog.message());
    void dialog.dismiss();
  });
}

/**
 * Opens the host console and starts a room. `origin` is where the page is loaded from: the
 * server itself (default), or a fault proxy in front of it so the test can break the link.
 * `prepare` runs before the page loads (e.g. to watch every frame its sockets receive).
 */
export async function startRoom(browser: Browser, origin = '', prepare?: (page: Page) => void) {
  const context = await browser.newContext();
  const page = await context.newPage();
  forbidDialogs(page);
  prepare?.(page);
  await page.goto(`${origin}/workshop/host/`);
  await page.getByRole('button', { name: 'Start a room' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'connected' })).toBeVisible();
  // The code shows once the server has created the room.
  await expect(page.locator('[data-role="code"]')).toHaveText(/^[A-Z2-9]{6}$/);
  const code = (await page.locator('[data-role="code"]').textContent()) ?? '';
  return { context, page, code };
}

export async function join(browser: Browser, code: string, name: string, origin = ''): Promise<Attendee> {
  const context = await browser.newContext();
  const page = await context.newPage();
  forbidDialogs(page);
  await page.goto(`${origin}/workshop/join/?code=${code}`);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByText(`You are ${name}`)).toBeVisible();
  return { name, context, page };
}

export const rowOf = (host: Page, name: string) => host.getByRole('list', { name: 'Attendees' }).getByRole('listitem').filter({ hasText: name });

/** The host pushes a snippet to everyone. */
export async function push(host: Page, code: string) {
  await host.getByRole('textbox', { name: 'Code', exact: true }).fill(code);
  await host.getByRole('button', { name: 'Push to everyone' }).click();
}

/** The host opens a poll; `options` one per line. */
export async function openPoll(host: Page, question: string, options: string) {
  await host.getByLabel('Question').fill(question);
  await host.getByLabel('Options, one per line').fill(options);
  await host.getByRole('button', { name: 'Open poll' }).click();
}
