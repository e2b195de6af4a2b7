import { expect, test, type Locator, type Page } from '@playwright/test';
import { downloadText } from './download-support.ts';

/** Record → export → import → replay, in a real page: the replayed frame list equals the recorded one. */
const lesson = '/lessons/what-is-a-websocket/';

const playground = (page: Page, title: string) => page.locator('duplex-playground').filter({ has: page.getByText(title, { exact: true }) });

/** The frame list's rows as text, newest first (the timings in them are relative to the run's start). */
const rows = (traffic: Locator) => traffic.getByRole('list', { name: 'Frames, newest first' }).getByRole('listitem').allInnerTexts();

test('a recorded run is exported, imported into another playground and replayed frame by frame', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(lesson);
  const echo = playground(page, 'Echo');
  await echo.getByRole('button', { name: 'Run' }).click();
  const traffic = echo.getByRole('region', { name: 'Echo traffic' });
  await expect(traffic.getByRole('img', { name: /^#1 server → client: .*latest message/ })).toBeVisible();
  await echo.getByRole('button', { name: 'Stop' }).click();
  const recorded = await rows(traffic);
  expect(recorded.length).toBeGreaterThan(1);
  const file = await downloadText(page, () => traffic.getByRole('button', { name: 'Export recording' }).click());

  // A learner with no run at all opens the recording in a fresh page.
  await page.goto(lesson);
  const fresh = playground(page, 'Echo');
  const chooser = page.waitForEvent('filechooser');
  await fresh.getByRole('button', { name: 'Replay a recording' }).click();
  await (await chooser).setFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  const replay = fresh.getByRole('region', { name: 'Echo traffic' });
  await expect(replay.getByRole('region', { name: 'Replay' })).toBeVisible();
  const controls = replay.getByRole('toolbar', { name: 'Replay controls' });
  await expect(replay.getByRole('list', { name: 'Frames, newest first' }).getByRole('listitem')).toHaveCount(0);

  await controls.getByRole('button', { name: 'Next frame' }).click();
  await expect(replay.getByRole('list', { name: 'Frames, newest first' }).getByRole('listitem')).not.toHaveCount(0);
  const slider = replay.getByRole('slider', { name: 'Replay time' });
  await slider.fill(await slider.getAttribute('max').then((max) => max ?? '0'));
  await expect.poll(() => rows(replay)).toEqual(recorded);
  await expect(replay.getByRole('list', { name: 'Replayed output' })).toContainText(/./);

  await slider.fill('0');
  await expect(replay.getByRole('list', { name: 'Frames, newest first' }).getByRole('listitem')).toHaveCount(0);
  await controls.getByRole('combobox', { name: 'Replay speed' }).selectOption('4');
  await controls.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => rows(replay), { timeout: 20_000 }).toEqual(recorded);
  await expect(controls.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
});

test('a run exported as HAR holds its WebSocket messages as DevTools writes them: the same frames, directions and texts', async ({ page }) => {
  await page.goto(lesson);
  const echo = playground(page, 'Echo');
  await echo.getByRole('button', { name: 'Run' }).click();
  const traffic = echo.getByRole('region', { name: 'Echo traffic' });
  await expect(traffic.getByRole('img', { name: /^#1 server → client: .*latest message/ })).toBeVisible();
  await echo.getByRole('button', { name: 'Stop' }).click();
  const recording = JSON.parse((await downloadText(page, () => traffic.getByRole('button', { name: 'Export recording' }).click())).text) as {
    startedAt: number;
    sockets: Array<{ socket: number; url: string }>;
    frames: Array<{ socket: number; direction: 'up' | 'down'; opcode: string; payload?: string; clientAt?: number; lost?: boolean }>;
  };
  const file = await downloadText(page, () => traffic.getByRole('button', { name: 'Export HAR' }).click());
  expect(file.name).toMatch(/^duplex-recording-.*\.har$/);
  const har = JSON.parse(file.text) as { log: { version: string; entries: Array<{ request: { url: string }; _resourceType: string; _webSocketMessages: Array<{ type: string; time: number; opcode: number; data: string }> }> } };
  expect(har.log.version).toBe('1.2');
  expect(har.log.entries.map((entry) => [entry.request.url, entry._resourceType])).toEqual(recording.sockets.map((socket) => [socket.url, 'websocket']));
  const messages = har.log.entries[0]!._webSocketMessages;
  const frames = recording.frames.filter((frame) => frame.socket === recording.sockets[0]!.socket && !frame.lost);
  // One message per frame of the run, in order, with its direction and (for text) its very text.
  expect(messages.map((m) => m.type)).toEqual(frames.map((f) => (f.direction === 'up' ? 'send' : 'receive')));
  const texts = (list: Array<{ opcode: number; data: string }>) => list.filter((m) => m.opcode === 1).map((m) => m.data);
  expect(texts(messages)).toEqual(frames.filter((f) => f.opcode === 'text').map((f) => f.payload ?? ''));
  // An echo: what went up came back down.
  expect(texts(messages.filter((m) => m.type === 'send')).length).toBeGreaterThan(0);
  expect(texts(messages.filter((m) => m.type === 'receive'))).toEqual(expect.arrayContaining(texts(messages.filter((m) => m.type === 'send'))));
  // Wall time in seconds, within the run.
  for (const m of messages) expect(m.time * 1000).toBeGreaterThanOrEqual(recording.startedAt - 1000);
  // The browser's own time where it saw the frame (a control frame only the server saw has the server's, corrected).
  const browserTimes = frames.flatMap((f, i) => (f.clientAt === undefined ? [] : [[i, f.clientAt / 1000]]));
  expect(browserTimes.length).toBeGreaterThan(1);
  expect(browserTimes.map(([i]) => messages[i!]!.time)).toEqual(browserTimes.map(([, time]) => time));
});

test('a damaged or foreign file is refused with a clear message', async ({ page }) => {
  await page.goto(lesson);
  const echo = playground(page, 'Echo');
  const pick = async (text: string) => {
    const chooser = page.waitForEvent('filechooser');
    await echo.getByRole('button', { name: 'Replay a recording' }).click();
    await (await chooser).setFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  };
  await pick('{"log": {"version": "1.2", "entries": []}}');
  await expect(echo.getByRole('alert')).toHaveText('This is not a Duplex recording (expected "format": "duplex-recording").');
  await pick('{"format": "duplex-recording", "version": 1, "frames": "no"}');
  await expect(echo.getByRole('alert')).toHaveText(/^This recording is damaged: /);
  await expect(echo.getByRole('region', { name: 'Replay' })).toHaveCount(0);
});

test('the testing lesson\'s recorded bug opens in a playground and replays: answers 3, 2, 1 paired with 1, 2, 3', async ({ page }) => {
  await page.goto('/lessons/testing-and-debugging/');
  // The learner downloads the file from the lesson's link, then picks it in a playground.
  const link = page.getByRole('link', { name: 'rpc-session.json' });
  const file = await downloadText(page, () => link.click());
  const frames = playground(page, 'Assertions on frames');
  const chooser = page.waitForEvent('filechooser');
  await frames.getByRole('button', { name: 'Replay a recording' }).click();
  await (await chooser).setFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  const replay = frames.getByRole('region', { name: 'Assertions on frames traffic' });
  const slider = replay.getByRole('slider', { name: 'Replay time' });
  await slider.fill(await slider.getAttribute('max').then((max) => max ?? '0'));
  const list = replay.getByRole('list', { name: 'Frames, newest first' }).getByRole('listitem');
  await expect(list).toHaveCount(6);
  await expect(list.first()).toContainText('"id":1');
  await expect(replay.getByRole('list', { name: 'Replayed output' })).toContainText('request 1: price of GOOG');
});
