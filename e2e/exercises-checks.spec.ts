import { expect, test, type Page } from '@playwright/test';
import { exercises, lessonPath } from './collection.ts';

test.describe.configure({ mode: 'parallel' });

async function openExercise(page: Page, lesson: string, name: string) {
  await page.goto(lessonPath(lesson));
  const exercise = page.locator(`duplex-exercise[data-exercise="${name}"]`);
  await expect(exercise).toHaveAttribute('data-ready', '');
  return exercise;
}

for (const { lesson, name, solution } of exercises) {
  test(`lesson ${lesson}: exercise ${name} passes once the learner puts in the solution and runs it`, async ({ page }) => {
    const exercise = await openExercise(page, lesson, name);
    await exercise.getByText('Solution', { exact: true }).click();
    await exercise.getByRole('button', { name: 'Put the solution in the editor' }).click();
    await expect(exercise.locator('.monaco-editor')).toBeVisible();
    expect(await exercise.locator('duplex-playground').evaluate((el) => (el as HTMLElement & { code: string }).code)).toBe(solution);
    await exercise.getByRole('button', { name: 'Run' }).click();
    await expect(exercise.locator('.verdict')).toHaveText(/^Passed: /, { timeout: 20_000 });
  });

  test(`lesson ${lesson}: exercise ${name} does not pass with its starter code`, async ({ page }) => {
    const exercise = await openExercise(page, lesson, name);
    await exercise.getByRole('button', { name: 'Run' }).click();
    // The playground's own output (a lab exercise has two more logs: browser sockets and server bytes).
    await expect(exercise.locator('duplex-playground').getByRole('log')).toContainText('code finished', { timeout: 20_000 });
    // Give sockets and timers a moment to do whatever the starter code does after its body ends.
    await page.waitForTimeout(2500);
    await expect(exercise).not.toHaveAttribute('data-verdict', 'passed');
    await expect(exercise.locator('.verdict')).not.toHaveText(/^Passed/);
  });
}
