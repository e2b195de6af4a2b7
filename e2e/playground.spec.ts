import { expect, test, type Page } from '@playwright/test';

const lesson = '/lessons/what-is-a-websocket/';

function playground(page: Page, title = 'Echo') {
  return page.locator('duplex-playground').filter({ has: page.getByText(title, { exact: true }) });
}

test('Monaco is not loaded until the learner shows intent', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(lesson);
  await expect(playground(page)).toHaveAttribute('data-ready', '');
  await page.waitForLoadState('networkidle');
  expect(requested.filter((url) => /editor\.api|editor\.worker|ts\.worker/.test(url))).toEqual([]);
  await expect(page.locator('style[data-source="monaco"]')).toHaveCount(0);
});

test('run the example without the editor: the echo comes back', async ({ page }) => {
  await page.goto(lesson);
  const pg = playground(page);
  await pg.getByRole('button', { name: 'Run' }).click();
  const output = pg.getByRole('log');
  await expect(output).toContainText('→ hello, duplex');
  await expect(output).toContainText('the server said: hello, duplex');
  await expect(pg.getByRole('status')).toHaveText('open');
});

test('edit the code in Monaco, run it, and see the edited text echoed', async ({ page }) => {
  await page.goto(lesson);
  const pg = playground(page);
  await pg.getByRole('button', { name: 'Edit' }).click();
  const editor = pg.getByRole('textbox', { name: /Playground code editor/ });
  await expect(editor).toBeFocused();
  await expect(pg.locator('.monaco-editor')).toBeVisible();
  // Replace the message in the example with our own text.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(
    "const s = connect('/ws/echo');\ns.onopen = () => s.send('edited by a person 42');\ns.onmessage = (e) => log('got back:', e.data);\n",
  );
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(pg.getByRole('log')).toContainText('got back: edited by a person 42');
});

test('Stop ends an infinite loop and the page stays responsive', async ({ page }) => {
  await page.goto(lesson);
  const pg = playground(page);
  await pg.getByRole('button', { name: 'Edit' }).click();
  await expect(pg.locator('.monaco-editor')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText("log('spinning');\nwhile (true) {}\n");
  await pg.getByRole('button', { name: 'Run' }).click();
  await expect(pg.getByRole('log')).toContainText('spinning');
  await expect(pg.getByRole('status')).toHaveText('running');
  await pg.getByRole('button', { name: 'Stop' }).click();
  await expect(pg.getByRole('status')).toHaveText('stopped');
  await expect(pg.getByRole('button', { name: 'Stop' })).toBeDisabled();
  // The page's own thread was never blocked: it still evaluates script and handles clicks.
  expect(await page.evaluate(() => 6 * 7)).toBe(42);
  await pg.getByRole('textbox', { name: /Playground code editor/ }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText("log('alive again');\n");
  await pg.getByRole('button', { name: 'Run' }).click();
  await expect(pg.getByRole('log')).toContainText('alive again');
});
