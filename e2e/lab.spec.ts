import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const lessons = join(import.meta.dirname, '..', 'src', 'content', 'docs', 'lessons');
const solutionOf = (lesson: string, name: string) => readFileSync(join(lessons, lesson, `${name}.solution.js`), 'utf8');

// Each journey runs the starter, loads Monaco and runs the solution, each check opening real
// sockets (a check's waits are bounded at 4 s each): generous bounds for a loaded machine.
test.setTimeout(180_000);
const verdictWait = { timeout: 60_000 };

async function openExercise(page: Page, lesson: string, name: string): Promise<Locator> {
  await page.goto(`/lessons/${lesson}/`);
  const exercise = page.locator(`duplex-exercise[data-exercise="${name}"]`);
  await expect(exercise).toHaveAttribute('data-ready', '');
  return exercise;
}

async function useSolution(exercise: Locator) {
  await exercise.getByText('Solution', { exact: true }).click();
  await exercise.getByRole('button', { name: 'Put the solution in the editor' }).click();
  // Monaco loads on this click; a loaded machine takes a while.
  await expect(exercise.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
}

test('a learner answers the handshake: the starter’s browser socket is refused, their own server lets it open', async ({ page }) => {
  const exercise = await openExercise(page, 'lab-handshake', 'handshake');
  const clients = exercise.getByRole('log', { name: 'Browser socket events' });
  const wire = exercise.getByRole('log', { name: 'Bytes to and from your server' });

  await exercise.getByRole('button', { name: 'Run' }).click();
  await expect(exercise.locator('.verdict')).toHaveText(/^Not yet: socket 1: the browser refused the handshake and closed with 1006/, verdictWait);
  // The server view shows the browser's real request and the starter's wrong answer.
  await expect(wire).toContainText(/browser → you: HTTP head \(\d+ headers\) GET \/lab\/[\w-]{22} HTTP\/1\.1/);
  await expect(wire).toContainText('you → browser: HTTP head');
  await expect(clients).toContainText('socket 1: close 1006');

  await useSolution(exercise);
  await exercise.getByRole('button', { name: 'Run' }).click();
  await expect(exercise.locator('.verdict')).toHaveText(/^Passed: two browser sockets reached open/, verdictWait);
  await expect(clients).toContainText('socket 1: open');
  await expect(clients).toContainText('socket 2: open');
});

test('a learner’s own server relays between three real browser sockets in a room', async ({ page }) => {
  const exercise = await openExercise(page, 'lab-room', 'room');
  await exercise.getByRole('button', { name: 'Run' }).click();
  await expect(exercise.locator('.verdict')).toHaveText(/^Not yet: socket 1's message never reached socket 2 and 3/, verdictWait);

  await useSolution(exercise);
  expect(await exercise.locator('duplex-playground').evaluate((el) => (el as HTMLElement & { code: string }).code)).toBe(solutionOf('lab-room', 'room'));
  await exercise.getByRole('button', { name: 'Run' }).click();
  await expect(exercise.locator('.verdict')).toHaveText(/^Passed: three browsers in one room/, verdictWait);
  const clients = exercise.getByRole('log', { name: 'Browser socket events' });
  await expect(clients).toContainText(/socket 2: message: text, \d+ bytes: hello from 1:/);
  await expect(exercise.getByRole('log', { name: 'Bytes to and from your server' })).toContainText(/you → browser: text frame \(FIN · unmasked · \d+ bytes\) hello from 3:/);
});

