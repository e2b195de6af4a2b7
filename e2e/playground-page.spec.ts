import { globSync, readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { editorReady } from './editor-support.ts';
import { encodeShare } from '../src/client/playground/share-link.ts';

/** Every lesson example on disk, as the page's picker must offer them. */
const examples = globSync('src/content/docs/lessons/*/*.example.{js,ts}').map((file) => {
  const [, slug, name] = /lessons\/([^/]+)\/([^/]+)\.example\.(?:js|ts)$/.exec(file) ?? [];
  return { id: `${slug}/${name}`, code: readFileSync(file, 'utf8') };
});

const codeOf = (page: import('@playwright/test').Page) => page.locator('duplex-playground').evaluate((el: Element & { code?: string }) => el.code);

test('/playground/ offers every lesson example and loads whichever is picked', async ({ page }) => {
  test.setTimeout(120_000); // one pick per example: the lab chapter doubled the list
  expect(examples.length).toBeGreaterThanOrEqual(2);
  await page.goto('/playground/');
  const picker = page.getByRole('combobox', { name: 'Example' });
  for (const example of examples) {
    await picker.selectOption(example.id);
    await expect(page).toHaveURL(new RegExp(`#example=${example.id}$`));
    await expect.poll(() => codeOf(page)).toBe(example.code);
  }
  // A link to an example opens it directly.
  const last = examples.at(-1)!;
  await page.goto(`/playground/#example=${examples[0]!.id}`);
  await page.goto(`/playground/#example=${last.id}`);
  await page.reload();
  await expect.poll(() => codeOf(page)).toBe(last.code);
  await expect(picker).toHaveValue(last.id);
});

test('/playground/ runs TypeScript: types are stripped before the code runs', async ({ page }) => {
  const fragment = await encodeShare("interface Answer { value: number }\nconst answer: Answer = { value: 41 };\nlog('answer is', answer.value + 1);\n", 'typescript');
  await page.goto(`/playground/#${fragment}`);
  const pg = page.locator('duplex-playground');
  await expect(pg).toHaveAttribute('data-editor', 'ready', editorReady);
  await pg.getByRole('button', { name: 'Run' }).click();
  await expect(pg.getByRole('log')).toContainText('answer is 42');
});

test('/playground/ has no serious or critical accessibility violations, before and during a run', async ({ page }) => {
  // Two axe passes over the whole page with a run drawing beside them: a minute on a busy runner.
  test.setTimeout(120_000);
  await page.goto('/playground/');
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(await serious()).toEqual([]);
  await page.getByRole('combobox', { name: 'Example' }).selectOption('what-is-a-websocket/ticker');
  await page.locator('duplex-playground').getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('img', { name: /^#1 server → client: [1-9]/ })).toBeVisible();
  expect(await serious()).toEqual([]);
});

test('on a phone the playground stacks: code, output, then traffic, with no sideways scrolling', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/playground/');
  const pg = page.locator('duplex-playground');
  await pg.getByRole('button', { name: 'Run' }).click();
  const traffic = pg.getByRole('region', { name: 'Playground traffic' });
  await expect(traffic).toBeVisible();
  const output = await pg.getByRole('log').boundingBox();
  const trafficBox = await traffic.boundingBox();
  expect(trafficBox!.y).toBeGreaterThan(output!.y);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await context.close();
});
