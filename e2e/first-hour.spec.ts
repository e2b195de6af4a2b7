import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { editorReady } from './editor-support.ts';
import { encodeShare } from '../src/client/playground/share-link.ts';

// Monaco loads in seconds on a laptop but far slower on a loaded CI box; these tests wait for it.
test.describe.configure({ timeout: 90_000 });
/** Runs `code` in the full-page playground as a learner who typed it would. */
async function runCode(page: Page, code: string) {
  await page.goto('/playground/');
  const pg = page.locator('duplex-playground');
  await pg.evaluate((el: Element & { setCode?: (code: string) => Promise<void> }, text) => el.setCode?.(text), code);
  await expect(pg).toHaveAttribute('data-editor', 'ready', editorReady);
  await pg.getByRole('button', { name: 'Run', exact: true }).click();
  return pg;
}

test('the header links to the playground and the workshop from any page', async ({ page }) => {
  for (const path of ['/', '/lessons/what-is-a-websocket/']) {
    await page.goto(path);
    const tools = page.getByRole('navigation', { name: 'Tools' });
    await expect(tools.getByRole('link', { name: 'Playground' })).toHaveAttribute('href', '/playground/');
    await expect(tools.getByRole('link', { name: 'Workshop' })).toHaveAttribute('href', '/workshop/');
  }
  await page.goto('/');
  await page.getByRole('main').getByRole('link', { name: 'playground' }).click();
  await expect(page).toHaveURL(/\/playground\/$/);
});

test('/playground/ introduces connect, log and sleep and opens on the echo example, named by its title', async ({ page }) => {
  await page.goto('/playground/');
  const main = page.getByRole('main');
  for (const helper of ['connect(path)', 'log(…)', 'await sleep(ms)']) await expect(main.getByText(helper, { exact: true })).toBeVisible();
  const picker = page.getByRole('combobox', { name: 'Example' });
  await expect(picker).toHaveValue('what-is-a-websocket/echo');
  await expect(picker.locator('option:checked')).toHaveText('Echo');
  await expect(picker.getByRole('option', { name: 'Heartbeat' })).toHaveCount(1);
  // A shared link of an example nobody edited shows that example in the picker.
  const heartbeat = readFileSync('src/content/docs/lessons/control-frames-and-closing/heartbeat.example.js', 'utf8');
  await page.goto(`/playground/#${await encodeShare(heartbeat, 'javascript')}`);
  await expect(picker).toHaveValue('control-frames-and-closing/heartbeat');
});

test('a syntax error fails the run with its line and column, marks the line and leaves Stop disabled', async ({ page }) => {
  const pg = await runCode(page, "log('a');\nconst x = ;\n");
  await expect(pg.getByRole('status')).toHaveText(/^failed: SyntaxError: .* at line 2, column 11$/);
  await expect(pg.getByRole('log')).toContainText('at line 2, column 11');
  await expect(pg.getByRole('button', { name: 'Stop' })).toBeDisabled();
  await expect(pg.locator('.monaco-editor .squiggly-error')).toHaveCount(1);
});

test('an uncaught exception fails the run and points at its line', async ({ page }) => {
  const pg = await runCode(page, "log('before');\nnull.foo;\n");
  await expect(pg.getByRole('status')).toHaveText(/^failed: TypeError: .* at line 2, column \d+$/);
  await expect(pg.getByRole('button', { name: 'Stop' })).toBeDisabled();
});

test('an exception inside onmessage is reported once, naming that handler', async ({ page }) => {
  const pg = await runCode(page, "const s = connect('/ws/echo');\ns.onopen = () => s.send('hi');\ns.onmessage = (e) => {\n  JSON.parse(e.data);\n};\n");
  const log = pg.getByRole('log');
  await expect(log).toContainText("at line 4, column 8 (thrown inside socket #1's onmessage handler)");
  await expect(pg.getByRole('status')).toHaveText(/^failed: SyntaxError: .*onmessage handler\) · open$/);
  await expect(log.getByText(/^✗/)).toHaveCount(1);
  await expect(pg.getByRole('button', { name: 'Stop' })).toBeEnabled();
});

test('a 1 MB message is previewed, and its 1009 close is said in words, never also as 1006', async ({ page }) => {
  const pg = await runCode(page, "const s = connect('/ws/echo');\ns.onopen = () => s.send('x'.repeat(1024 * 1024));\n");
  const log = pg.getByRole('log');
  await expect(log).toContainText('#1 closed 1009 message too big: the server accepts at most 64 KiB');
  await expect(pg.getByRole('status')).toHaveText('closed 1009 message too big: the server accepts at most 64 KiB');
  await expect(log).toContainText('after the server sent close 1009');
  await expect(log.getByText(/1006/)).toHaveCount(0);
  const sent = await log.getByText(/^#1 → x/).textContent();
  expect(sent?.length).toBeLessThan(200);
});

test('tabbing past the static code does not open the editor; Enter does; a skip link reaches Run', async ({ page }) => {
  await page.goto('/playground/');
  await page.getByRole('link', { name: 'Skip to the Run button' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeFocused();
  const code = page.getByRole('button', { name: 'Run', exact: true }).locator('xpath=ancestor::duplex-playground').getByLabel('Playground code, press Enter to edit');
  await code.focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('duplex-playground')).not.toHaveAttribute('data-editor', 'ready', editorReady);
  await code.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('duplex-playground')).toHaveAttribute('data-editor', 'ready', editorReady);
  await expect(page.getByText('press Ctrl+M (Ctrl+Shift+M on a Mac) to make Tab move on')).toBeVisible();
});

for (const colorScheme of ['dark', 'light'] as const) {
  test(`/playground/ with the editor open meets WCAG AA contrast in the ${colorScheme} theme`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto('/playground/');
    await page.locator('duplex-playground').getByRole('button', { name: 'Edit' }).click();
    await expect(page.locator('duplex-playground')).toHaveAttribute('data-editor', 'ready', editorReady);
    const results = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`).join(', ')}`)).toEqual([]);
    await context.close();
  });
}
