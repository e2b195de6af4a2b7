import { expect, test, type Locator, type Page } from '@playwright/test';

/**
 * What an exercise tells a learner about their own run must be true of that run: the real
 * starter, run in the real lesson page, is judged on what it did.
 */
/** Lesson 3's exercise run with its starter as it ships, to its last echo. */
async function runTheStarter(page: Page): Promise<Locator> {
  await page.goto('/lessons/what-is-a-websocket/');
  const exercise = page.locator('duplex-exercise[data-exercise="send-without-waiting"]');
  await expect(exercise).toHaveAttribute('data-ready', '');
  await exercise.getByRole('button', { name: 'Run' }).click();
  await expect(exercise.getByRole('log')).toContainText('echo: three');
  return exercise;
}

test('the starter that waits for each echo is told that one message went out before the first reply, not two', async ({ page }) => {
  // Its second message is sent from the handler of the first echo: after the reply, however
  // close the two moments are on the clock.
  const exercise = await runTheStarter(page);
  await expect(exercise.getByRole('status').filter({ hasText: /^Not yet/ })).toHaveText('Not yet: only 1 message(s) went out before the first reply came back; send 3 without waiting.');
});

/** Each of "one", "two", "three" has a row going up and a row for its echo, listed no earlier. */
async function expectEchoesAfterTheirMessages(traffic: Locator, withServerView: boolean) {
  const list = traffic.getByRole('list', { name: 'Frames, newest first' });
  // With the server's view joined, every row carries a flight time: both clocks had their say.
  await expect(list.getByRole('button').filter({ hasText: withServerView ? /\stext\s.* ms\)$/ : /\stext\s/ })).toHaveCount(6);
  // Text frames only: the server's heartbeat pings and their pongs join the list too.
  const texts = (await list.getByRole('button').allTextContents()).filter((text) => /[↑↓]\s+text\s/.test(text));
  const rows = texts.map((text) => {
    const match = /(\d+\.\d+) s #\d+ ([↑↓])\s+text\s+\d+ B\s+(\S+)/.exec(text);
    if (!match) throw new Error(`a frame row that does not read as one: "${text}"`);
    return { at: Number(match[1]), direction: match[2], payload: match[3] };
  });
  for (const payload of ['one', 'two', 'three']) {
    const sent = rows.find((row) => row.payload === payload && row.direction === '↑');
    const echo = rows.find((row) => row.payload === payload && row.direction === '↓');
    if (!sent || !echo) throw new Error(`no pair of rows for "${payload}" in ${JSON.stringify(rows)}`);
    expect(echo.at, `the echo of "${payload}" is listed at ${echo.at} s, its message at ${sent.at} s`).toBeGreaterThanOrEqual(sent.at);
  }
}

test('the frame list never shows an echo before its message: page clock alone, and with the server\'s view joined', async ({ page }) => {
  const exercise = await runTheStarter(page);
  await expectEchoesAfterTheirMessages(exercise.getByRole('region', { name: /traffic$/ }), false);

  // The same ping-pong through connect(): the server's inspect view joins each frame.
  const echo = page.locator('duplex-playground').filter({ has: page.getByText('Echo', { exact: true }) });
  const pingPong = "const s = connect('/ws/echo');\nconst words = ['one', 'two', 'three'];\nlet next = 0;\ns.onopen = () => s.send(words[next++]);\ns.onmessage = (e) => { log('echo:', e.data); if (next < words.length) s.send(words[next++]); };\n";
  await echo.evaluate((element, code) => (element as HTMLElement & { setCode(code: string): Promise<void> }).setCode(code), pingPong);
  await echo.getByRole('button', { name: 'Run' }).click();
  await expect(echo.getByRole('log')).toContainText('echo: three');
  await expectEchoesAfterTheirMessages(echo.getByRole('region', { name: /traffic$/ }), true);
});
