import { expect, test, type Locator } from '@playwright/test';
import { alerts, join, rowOf, startRoom } from './workshop-support.ts';

/** Show a run: an attendee shares their run when they choose to, and the host replays it on the projector. */

const secret = 'shared-only-marker-9b2e';
/** Three echoes, then done; the markup in a string must stay text on the host's page. */
const code = `// ${secret}
const s = connect('/ws/echo');
s.onopen = () => { s.send('one ${secret}'); s.send('<img src=x onerror=alert(1)>'); s.send('three'); };
let n = 0;
s.onmessage = (event) => { log('echo:', event.data); if (++n === 3) log('all three back'); };
`;

/** The frame list's rows as text, newest first: time, socket, direction, type, bytes on the wire, preview. */
const rows = (traffic: Locator) => traffic.getByRole('list', { name: 'Frames, newest first' }).getByRole('listitem').allInnerTexts();

test('an attendee shares their run when asked; the host replays the same frames, and saw nothing of the code before', async ({ browser }) => {
  test.setTimeout(120_000);
  // Everything the host's page receives on its sockets: the proof that nothing leaked early.
  const received: string[] = [];
  const host = await startRoom(browser, '', (page) => page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => void received.push(String(payload)))));
  const ada = await join(browser, host.code, 'Ada');
  await expect(ada.page.getByText(/^What the instructor sees: .*only when you press “Share my run”/).last()).toBeVisible();

  // The code goes in as the playground's current code (what a pushed snippet sets): no wait for Monaco.
  const playground = ada.page.locator('duplex-playground');
  await playground.evaluate((element: HTMLElement, text) => void (element.dataset.current = text), code);
  await playground.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(playground.getByText('all three back')).toBeVisible();
  await playground.getByRole('button', { name: 'Stop' }).click();
  const traffic = playground.getByRole('region', { name: 'Your playground traffic' });
  const seen = await rows(traffic);
  expect(seen.filter((row) => row.includes('↑')).length).toBeGreaterThanOrEqual(3);
  expect(seen.filter((row) => row.includes('↓')).length).toBeGreaterThanOrEqual(3);
  // The run's result reached the host's grid, so anything sent with it would have arrived too.
  await expect(rowOf(host.page, 'Ada')).toContainText('last run ok');

  // Before sharing: not a byte of the code, its output or its frames on the host's sockets or page.
  expect(received.length).toBeGreaterThan(0);
  expect(received.filter((frame) => frame.includes(secret))).toEqual([]);
  expect(await host.page.content()).not.toContain(secret);

  await host.page.getByRole('button', { name: 'Ask Ada to share their run' }).click();
  await expect(ada.page.getByText('The instructor asks to see your run. Share it only if you want to.')).toBeVisible();
  await ada.page.getByRole('button', { name: 'Share my run' }).click();
  await expect(ada.page.getByText(/^The instructor has your run/)).toBeVisible();

  const shared = host.page.getByRole('list', { name: 'Shared runs' });
  await expect(shared).toContainText(`Ada shared a run at`);
  // The watch above sees the code once it is shared: so it would have seen it earlier too.
  await expect.poll(() => received.some((frame) => frame.includes(secret)), { message: 'the shared run arrived on the host socket' }).toBe(true);
  await shared.getByRole('button', { name: 'Show Ada’s run' }).click();
  const projector = host.page.getByRole('region', { name: 'Ada’s run' });
  await expect(projector.getByLabel('Shared code')).toContainText(secret);
  const replay = projector.getByRole('region', { name: 'Shared run traffic' });
  const slider = replay.getByRole('slider', { name: 'Replay time' });
  await slider.fill((await slider.getAttribute('max')) ?? '0');
  // The same frames, in the same order, with the same directions, sizes and times.
  await expect.poll(() => rows(replay)).toEqual(seen);
  await expect(replay.getByRole('list', { name: 'Replayed output' })).toContainText('all three back');
  // Shown as text: the markup an attendee sent is characters on the projector, never an element.
  await expect(replay.getByRole('list', { name: 'Frames, newest first' })).toContainText('<img src=x onerror=alert(1)>');
  await expect(host.page.locator('img[src="x"]')).toHaveCount(0);
  expect(alerts).toEqual([]);
  await ada.context.close();
  await host.context.close();
});

test('a shared run survives a reload of the host console: still listed, it replays; a damaged one is dropped with a message', async ({ browser }) => {
  test.setTimeout(120_000);
  const host = await startRoom(browser);
  const ada = await join(browser, host.code, 'Ada');
  const playground = ada.page.locator('duplex-playground');
  await playground.evaluate((element: HTMLElement, text) => void (element.dataset.current = text), code);
  await playground.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(playground.getByText('all three back')).toBeVisible();
  await playground.getByRole('button', { name: 'Stop' }).click();
  const seen = await rows(playground.getByRole('region', { name: 'Your playground traffic' }));
  await ada.page.getByRole('button', { name: 'Share my run' }).click();
  const shared = host.page.getByRole('list', { name: 'Shared runs' });
  await expect(shared).toContainText('Ada shared a run at');

  // The instructor's laptop reloads the console: the room resumes, and the run is still there.
  await host.page.reload();
  await expect(host.page.locator('[data-role="code"]')).toHaveText(host.code);
  await expect(shared.getByRole('listitem')).toHaveCount(1);
  await shared.getByRole('button', { name: 'Show Ada’s run' }).click();
  const replay = host.page.getByRole('region', { name: 'Ada’s run' }).getByRole('region', { name: 'Shared run traffic' });
  const slider = replay.getByRole('slider', { name: 'Replay time' });
  await slider.fill((await slider.getAttribute('max')) ?? '0');
  await expect.poll(() => rows(replay)).toEqual(seen);

  // Storage is input too: an entry damaged in the tab's storage is dropped, said, and the page keeps working.
  await host.page.evaluate((roomCode) => {
    const key = `duplex.workshop.shared.${roomCode}`;
    const runs = JSON.parse(sessionStorage.getItem(key) ?? '[]') as Array<{ recording: { frames: Array<{ direction: string }> } }>;
    runs[0]!.recording.frames[0]!.direction = 'sideways';
    sessionStorage.setItem(key, JSON.stringify(runs));
  }, host.code);
  await host.page.reload();
  await expect(host.page.locator('[data-role="code"]')).toHaveText(host.code);
  await expect(host.page.getByRole('status').filter({ hasText: 'could not be read and was dropped' })).toHaveText(
    /^Shared run 1 saved in this tab could not be read and was dropped: This recording is damaged: frames\[0\]\.direction: /,
  );
  await expect(shared.getByRole('listitem')).toHaveCount(0);
  await expect(host.page.getByRole('list', { name: 'Attendees' })).toContainText('Ada');
  expect(alerts).toEqual([]);
  await ada.context.close();
  await host.context.close();
});
