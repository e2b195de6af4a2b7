import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

// axe on a lab page (the largest) takes long on a loaded 2-core box: a ceiling, not a goal.
test.describe.configure({ timeout: 150_000 });

const lessons = readdirSync(join(import.meta.dirname, '..', 'src', 'content', 'docs', 'lessons'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Every page a person can open: the course, each lesson, the tools, and a lesson as slides. */
const pages = ['/', '/playground/', '/workshop/', '/workshop/join/', '/workshop/host/', '/present/what-is-a-websocket/', ...lessons.map((name) => `/lessons/${name}/`)];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });
    for (const path of pages) {
      // Nothing excluded: Starlight's own parts (search button, theme picker, menu) count too.
      test(`${path} has no serious or critical accessibility violations (axe, ${colorScheme})`, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
        const { violations } = await new AxeBuilder({ page }).analyze();
        const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
        expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual([]);
      });
    }
  });
}
