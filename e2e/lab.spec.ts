import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceOnce } from '../test-support/cheats.ts';

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


test('a learner’s server sends one message in fragments: the browser socket gets it whole, the byte view shows each frame, and a mid-message text frame is refused', async ({ page }) => {
  const exercise = await openExercise(page, 'lab-fragments', 'send-fragments');
  const clients = exercise.getByRole('log', { name: 'Browser socket events' });
  const wire = exercise.getByRole('log', { name: 'Bytes to and from your server' });
  await useSolution(exercise);
  const solution = solutionOf('lab-fragments', 'send-fragments');
  const playground = exercise.locator('duplex-playground');
  await exercise.getByRole('button', { name: 'Run' }).click();
  await expect(exercise.locator('.verdict')).toHaveText(/^Passed: your server wrote the message as 3 frames/, verdictWait);
  // One message on the browser's side, three data frames and a ping on the wire.
  await expect(clients).toContainText(/socket 1: message: text, 90 bytes/);
  await expect(wire).toContainText(/you → browser: text frame \(not FIN · unmasked · 30 bytes\)/);
  await expect(wire).toContainText(/you → browser: ping frame \(FIN · unmasked · 14 bytes\) between pieces/);
  await expect(wire).toContainText(/you → browser: continuation frame \(not FIN · unmasked · 30 bytes\)/);
  await expect(wire).toContainText(/you → browser: continuation frame \(FIN · unmasked · 30 bytes\)/);

  // The usual mistake: each piece a new text frame. Chromium fails the connection and says why on the wire.
  const cheat = replaceOnce(solution, 'frame(i === 0 ? 0x1 : 0x0, piece,', 'frame(0x1, piece,');
  await playground.evaluate((el, code) => (el as HTMLElement & { setCode(code: string): Promise<void> }).setCode(code), cheat);
  await exercise.getByRole('button', { name: 'Run' }).click();
  await expect(exercise.locator('.verdict')).toHaveText(/^Not yet: frame 3 is a new text frame while your message was still open[^]*close frame with 1002 \(protocol error\)[^]*close event says 1006/, verdictWait);
  await expect(wire).toContainText(/browser → you: close frame \(FIN · masked · \d+ bytes\) code 1002/);
  await expect(clients).toContainText('socket 1: close 1006');
});

/** Runs the page's conformance suite against the live lab and waits for its summary (117 cases, each with its own real pipe, on a loaded 2-core runner: generous). */
async function runSuiteFromPage(exercise: Locator): Promise<Locator> {
  const suite = exercise.getByRole('button', { name: 'Test with the conformance suite' });
  await expect(suite).toBeEnabled(verdictWait);
  await suite.click();
  const summary = exercise.getByRole('status').filter({ hasText: /cases against your server|could not run/ });
  await expect(summary).toBeVisible({ timeout: 540_000 });
  return summary;
}

test('the chapter’s final server passes the whole conformance suite run from the page, case by case', async ({ page }) => {
  test.setTimeout(660_000);
  const exercise = await openExercise(page, 'lab-room', 'room');
  await useSolution(exercise);
  await exercise.getByRole('button', { name: 'Run' }).click();
  const summary = await runSuiteFromPage(exercise);
  await expect(summary).toHaveText(/^117 cases against your server in [\d.]+ s: \d+ pass, \d+ non-strict, 0 fail\.$/);
  const report = exercise.getByRole('list', { name: 'Conformance report, case by case' });
  await expect(report.getByRole('listitem')).toHaveCount(117);
  // Each case reads on its own: what the RFC requires, the verdict and the frames that crossed.
  await report.getByText('1.1.3 pass', { exact: true }).click();
  const entry = report.getByRole('listitem').filter({ hasText: '1.1.3 pass' });
  await expect(entry).toContainText('Requires (§5.2)');
  await expect(entry).toContainText(/text FIN rsv=000 masked key=[0-9a-f ]+ 126 bytes/);
  await expect(entry).toContainText(/text FIN rsv=000 126 bytes/);
  await expect(exercise.getByRole('link', { name: 'Download the report (HTML)' })).toBeVisible();
});

test('the final server without its UTF-8 check fails the suite’s UTF-8 cases, run from the page', async ({ page }) => {
  test.setTimeout(660_000);
  const exercise = await openExercise(page, 'lab-room', 'room');
  // The fragments cheat's mistake, made in the final server: every other case still passes.
  const cheat = replaceOnce(solutionOf('lab-room', 'room'), "return closeWith(1007, 'text is not valid UTF-8');", '');
  const playground = exercise.locator('duplex-playground');
  await playground.evaluate((el, code) => (el as HTMLElement & { setCode(code: string): Promise<void> }).setCode(code), cheat);
  await exercise.getByRole('button', { name: 'Run' }).click();
  const summary = await runSuiteFromPage(exercise);
  await expect(summary).toHaveText(/^117 cases against your server in [\d.]+ s: \d+ pass, \d+ non-strict, [1-9]\d* fail\.$/);
  const report = exercise.getByRole('list', { name: 'Conformance report, case by case' });
  // A failed case opens by itself and says what the RFC wanted.
  const invalid = report.getByRole('listitem').filter({ hasText: '6.3.4 fail' });
  await expect(invalid).toContainText('1007');
  await expect(invalid).not.toContainText('not run');
});

test('Stop stops a running conformance suite: no case starts after it, and the page says after which case', async ({ page }) => {
  const exercise = await openExercise(page, 'lab-room', 'room');
  await useSolution(exercise);
  await exercise.getByRole('button', { name: 'Run' }).click();
  const suite = exercise.getByRole('button', { name: 'Test with the conformance suite' });
  await expect(suite).toBeEnabled(verdictWait);
  await suite.click();
  const report = exercise.getByRole('list', { name: 'Conformance report, case by case' }).getByRole('listitem');
  await expect(report.nth(2)).toBeVisible({ timeout: 120_000 });
  await exercise.getByRole('button', { name: 'Stop' }).click();
  const stopped = exercise.getByRole('status').filter({ hasText: /^Stopped after case/ });
  await expect(stopped).toHaveText(/^Stopped after case (\d+) of 117: \d+ pass, \d+ non-strict, \d+ fail so far\.$/, verdictWait);
  const after = Number(/case (\d+) of/.exec((await stopped.textContent()) ?? '')?.[1]);
  expect(after).toBeGreaterThanOrEqual(3);
  expect(after).toBeLessThan(117);
  // The report lists exactly the cases that ended; none that ran fast-failing after the stop.
  await expect(report).toHaveCount(after);
  await expect(report.filter({ hasText: / fail / })).toHaveCount(0);
  await expect(exercise.getByRole('link', { name: 'Download the report (HTML)' })).toBeHidden();
});
