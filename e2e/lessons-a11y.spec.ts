import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const lessons = readdirSync(join(import.meta.dirname, '..', 'src', 'content', 'docs', 'lessons'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => `/lessons/${entry.name}/`);

for (const path of ['/', ...lessons]) {
  test(`${path} has no serious or critical accessibility violations (axe)`, async ({ page }) => {
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual([]);
  });
}
