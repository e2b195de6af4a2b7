import { expect, test } from '@playwright/test';
import { examples, exercises, lessonPath, lessons } from './collection.ts';

test.describe.configure({ mode: 'parallel' });

for (const example of examples) {
  test(`lesson ${example.lesson}: pressing Run on ${example.file} runs it without error`, async ({ page }) => {
    await page.goto(lessonPath(example.lesson));
    // The playground whose code is this file (titles may repeat across lessons, code does not).
    const all = page.locator('duplex-playground');
    await expect(all.first()).toHaveAttribute('data-ready', '');
    const index = await all.evaluateAll((elements, code) => elements.findIndex((el) => (el as HTMLElement).dataset.code === code), example.code);
    expect(index, `${example.file} is not embedded in its lesson`).toBeGreaterThanOrEqual(0);
    const playground = all.nth(index);
    await playground.getByRole('button', { name: 'Run' }).click();
    const output = playground.getByRole('log');
    await expect(output).toContainText('code finished', { timeout: 20_000 });
    for (const text of example.expected) await expect(output).toContainText(text, { timeout: 15_000 });
    if (!example.allowErrors) await expect(output.locator('.pg-error')).toHaveCount(0);
  });
}

test('every lesson has at least one runnable example and one checked exercise', () => {
  for (const lesson of lessons) {
    expect(examples.some((example) => example.lesson === lesson), `lesson ${lesson} has no *.example.js`).toBe(true);
    expect(exercises.some((exercise) => exercise.lesson === lesson), `lesson ${lesson} has no *.starter.js`).toBe(true);
  }
});
