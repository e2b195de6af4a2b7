import { expect, test, type Locator, type Page } from '@playwright/test';
import { exercises, lessonPath } from './collection.ts';
import { editorReady } from './editor-support.ts';

test.describe.configure({ mode: 'parallel' });

async function openExercise(page: Page, lesson: string, name: string) {
  await page.goto(lessonPath(lesson));
  const exercise = page.locator(`duplex-exercise[data-exercise="${name}"]`);
  await expect(exercise).toHaveAttribute('data-ready', '');
  return exercise;
}

/** The run's body has ended; after `settleMs` more of sockets and timers, the check has still not passed. */
async function expectNotPassed(page: Page, exercise: Locator, settleMs: number) {
  // The playground's own output (a lab exercise has two more logs: browser sockets and server bytes).
  await expect(exercise.locator('duplex-playground').getByRole('log')).toContainText('code finished', { timeout: 20_000 });
  await page.waitForTimeout(settleMs);
  await expect(exercise).not.toHaveAttribute('data-verdict', 'passed');
  await expect(exercise.locator('.verdict')).not.toHaveText(/^Passed/);
}

for (const { lesson, name, solution, cheat, cheatWaitMs, hint } of exercises) {
  test(`lesson ${lesson}: exercise ${name} passes once the learner puts in the solution and runs it`, async ({ page }) => {
    // Monaco loads, then the run plays out (a staged one waits out its faults, up to two blackholes
    // at random moments in lesson 10, and a quiet window; on a loaded machine timers run late).
    test.setTimeout(120_000);
    const exercise = await openExercise(page, lesson, name);
    await exercise.getByText('Solution', { exact: true }).click();
    await exercise.getByRole('button', { name: 'Put the solution in the editor' }).click();
    await expect(exercise.locator('.monaco-editor')).toBeVisible(editorReady);
    expect(await exercise.locator('duplex-playground').evaluate((el) => (el as HTMLElement & { code: string }).code)).toBe(solution);
    await exercise.getByRole('button', { name: 'Run' }).click();
    await expect(exercise.locator('.verdict')).toHaveText(/^Passed: /, { timeout: 70_000 });
  });

  test(`lesson ${lesson}: exercise ${name} does not pass with its starter code`, async ({ page }) => {
    const exercise = await openExercise(page, lesson, name);
    await exercise.getByRole('button', { name: 'Run' }).click();
    await expectNotPassed(page, exercise, 2500);
  });

  test(`lesson ${lesson}: exercise ${name} does not pass with a cheat that only looks right`, async ({ page }) => {
    test.setTimeout(60_000 + cheatWaitMs);
    const exercise = await openExercise(page, lesson, name);
    const playground = exercise.locator('duplex-playground');
    await playground.evaluate((el, code) => (el as HTMLElement & { setCode(code: string): Promise<void> }).setCode(code), cheat);
    expect(await playground.evaluate((el) => (el as HTMLElement & { code: string }).code)).toBe(cheat);
    await exercise.getByRole('button', { name: 'Run' }).click();
    await expectNotPassed(page, exercise, cheatWaitMs);
    await expect(exercise.locator('.verdict')).toHaveText(/^(Not yet|Your code threw)/);
  });

  test(`lesson ${lesson}: exercise ${name} keeps its hint hidden until the learner opens it`, async ({ page }) => {
    const exercise = await openExercise(page, lesson, name);
    const section = page.getByRole('region', { name: /^Exercise: / }).filter({ has: exercise });
    const firstWords = hint.split(/\s+/).slice(0, 4).join(' ');
    expect(firstWords).not.toBe('');
    // The task text (the section outside the playground) must not carry the hint.
    const task = await section.evaluate((el) => [...el.children].filter((child) => child.localName !== 'duplex-exercise').map((child) => child.textContent).join(' '));
    expect(task.replace(/\s+/g, ' ')).not.toContain(firstWords);
    const body = exercise.locator('details').filter({ has: page.getByText('Hint', { exact: true }) }).locator('.reveal-body');
    await expect(body).toBeHidden();
    await expect(body).toContainText(firstWords);
    await exercise.getByText('Hint', { exact: true }).click();
    await expect(body).toBeVisible();
  });
}
