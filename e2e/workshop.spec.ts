import { expect, test, type Page } from '@playwright/test';
import { FaultProxy } from '../test-support/fault-proxy.ts';
import { alerts, forbidDialogs, join, rowOf, startRoom, type Attendee } from './workshop-support.ts';

const xssName = '<img src=x onerror=alert(1)>';
const xssMessage = '<b onmouseover=alert(2)>hi</b><script>alert(3)</script>';
const lesson = 'what-is-a-websocket';

test.afterEach(() => expect(alerts, 'no page may run attendee input as code').toEqual([]));

/** One attendee's page goes through its own fault proxy, so the test can break a real link. */
const proxies: FaultProxy[] = [];
test.afterEach(async () => {
  for (const proxy of proxies.splice(0)) await proxy.stop();
});

const slides = (page: Page) => page.frameLocator('iframe[title="The instructor\'s slides"]');

test('a host leads 25 attendees: join by code, snippet, poll, follow-me, a dropped attendee comes back', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const host = await startRoom(browser);
  const names = Array.from({ length: 25 }, (_, i) => (i === 0 ? xssName : `Attendee ${String(i).padStart(2, '0')}`));
  const attendees: Attendee[] = [];
  // Attendee 05 is on a flaky Wi-Fi: a real TCP path the test can cut.
  const wifi = await FaultProxy.start(baseURL ?? '');
  proxies.push(wifi);
  // Five at a time: 25 pages loading at once would starve a 2-core machine.
  for (let i = 0; i < names.length; i += 5) {
    const batch = names.slice(i, i + 5).map((name) => join(browser, host.code, name, name === 'Attendee 05' ? wifi.url : ''));
    attendees.push(...(await Promise.all(batch)));
  }
  await expect(host.page.getByRole('region', { name: 'Attendees' }).getByText('25 present')).toBeVisible();
  await expect(host.page.getByRole('list', { name: 'Attendees' }).getByRole('listitem')).toHaveCount(25);
  await expect(rowOf(host.page, xssName).locator('.ws-name')).toHaveText(xssName);

  // Push a snippet: it reaches every attendee.
  const snippet = "const s = connect('/ws/echo');\ns.onopen = () => s.send('pushed 1');\nlog('snippet one ran');";
  await host.page.getByRole('textbox', { name: 'Code', exact: true }).fill(snippet);
  await host.page.getByRole('button', { name: 'Push to everyone' }).click();
  for (const { page } of attendees) await expect(page.getByLabel('Pushed snippet')).toHaveText(snippet);

  // One attendee runs it; the host sees the outcome at a glance.
  await attendees[1]!.page.getByRole('button', { name: 'Run it' }).click();
  await expect(attendees[1]!.page.getByRole('log', { name: 'Your playground output' })).toContainText('snippet one ran');
  await expect(rowOf(host.page, 'Attendee 01')).toContainText('last run ok');

  // A poll: every attendee votes once; the totals equal the votes cast.
  await host.page.getByLabel('Question').fill('Is a WebSocket full duplex?');
  await host.page.getByLabel('Options, one per line').fill('yes\nno');
  await host.page.getByRole('button', { name: 'Open poll' }).click();
  const choices = attendees.map((_, i) => (i % 3 === 0 ? 'no' : 'yes'));
  await Promise.all(attendees.map(({ page }, i) => page.getByRole('list', { name: 'Poll options' }).getByRole('button', { name: choices[i] }).click()));
  const hostPoll = host.page.getByRole('list', { name: 'Poll options' });
  await expect(host.page.locator('[data-role="poll-summary"]')).toHaveText('25 votes');
  await expect(hostPoll.locator('[data-option="0"] [data-role="poll-count"]')).toHaveText(String(choices.filter((c) => c === 'yes').length));
  await expect(hostPoll.locator('[data-option="1"] [data-role="poll-count"]')).toHaveText(String(choices.filter((c) => c === 'no').length));
  await expect(attendees[3]!.page.getByText('no (your vote)')).toBeVisible();
  await expect(attendees[3]!.page.getByRole('list', { name: 'Poll options' }).getByRole('button')).toHaveCount(0);

  // Follow me: the host presents the lesson; every attendee's slides move with it.
  const presenter = await host.context.newPage();
  forbidDialogs(presenter);
  await presenter.goto(`/present/${lesson}/?room=${host.code}`);
  await expect(presenter.getByRole('status').filter({ hasText: 'connected' })).toBeVisible();
  await presenter.keyboard.press('ArrowRight');
  await presenter.keyboard.press('ArrowRight');
  await expect(presenter.getByRole('heading', { name: 'What it is not' })).toBeVisible();
  await expect(host.page.getByText("The room is on “What is a WebSocket?”, slide 3.")).toBeVisible();
  for (const { page } of attendees) await expect(slides(page).getByRole('heading', { name: 'What it is not' })).toBeVisible({ timeout: 30_000 });

  // One attendee's Wi-Fi drops and another closes their tab; meanwhile the room moves on.
  // Both come back as themselves (same row, same vote) and catch up on the snippet and the slide.
  const [flaky, closer] = [attendees[5]!, attendees[6]!];
  await wifi.cut(600); // until restored below
  await closer.page.close();
  await expect(flaky.page.getByRole('status').filter({ hasText: 'reconnecting' })).toBeVisible();
  // The cut link is reconnecting; the closed tab said goodbye, so it shows as left.
  await expect(rowOf(host.page, flaky.name)).toContainText('reconnecting');
  await expect(rowOf(host.page, closer.name)).toContainText('left');
  await expect(host.page.getByRole('region', { name: 'Attendees' }).getByText('23 present · 1 reconnecting · 1 left')).toBeVisible();
  const missed = "log('you missed this one');";
  await host.page.getByRole('textbox', { name: 'Code', exact: true }).fill(missed);
  await host.page.getByRole('button', { name: 'Push to everyone' }).click();
  await presenter.keyboard.press('ArrowRight');
  await expect(presenter.getByRole('heading', { name: 'Try it' })).toBeVisible();

  await wifi.heal();
  closer.page = await closer.context.newPage();
  forbidDialogs(closer.page);
  await closer.page.goto(`/workshop/join/?code=${host.code}`);
  for (const [index, { name, page }] of [[5, flaky], [6, closer]] as const) {
    // The reconnecting socket backs off up to 8 s between attempts.
    await expect(page.getByText(`You are ${name}`)).toBeVisible();
    await expect(page.getByLabel('Pushed snippet')).toHaveText(missed, { timeout: 20_000 });
    await expect(slides(page).getByRole('heading', { name: 'Try it' })).toBeVisible();
    await expect(page.getByText(`${choices[index]} (your vote)`)).toBeVisible();
    await expect(rowOf(host.page, name)).toContainText('connected');
  }
  await expect(host.page.getByRole('region', { name: 'Attendees' }).getByText('25 present', { exact: true })).toBeVisible();
  await expect(host.page.getByRole('list', { name: 'Attendees' }).getByRole('listitem')).toHaveCount(25);

  // An XSS-shaped message is shown as text on the wall, everywhere.
  const author = attendees[0]!.page;
  await author.getByRole('textbox', { name: 'Message' }).fill(xssMessage);
  await author.getByRole('button', { name: 'Post' }).click();
  const hostWall = host.page.getByRole('list', { name: 'Message wall' });
  await expect(hostWall.locator('.ws-wall-text')).toHaveText(xssMessage);
  await expect(hostWall.locator('.ws-wall-from')).toHaveText(xssName);
  await expect(attendees[7]!.page.getByRole('list', { name: 'Message wall' }).locator('.ws-wall-text')).toHaveText(xssMessage);
  for (const page of [host.page, author, attendees[7]!.page]) {
    await expect(page.locator('img[src="x"], b[onmouseover], script:text("alert(3)")')).toHaveCount(0);
  }

  for (const { context } of attendees) await context.close();
  await host.context.close();
});

test('a non-host can neither push nor end the room, and cannot take over the console', async ({ browser }) => {
  const host = await startRoom(browser);
  const mallory = await join(browser, host.code, 'Mallory');
  // Hand-made messages over a raw socket from the attendee's page: the server checks the role.
  const answers = await mallory.page.evaluate(async (code) => {
    const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/ws/workshop/${code}`);
    const received: string[] = [];
    ws.onmessage = (event) => received.push(String(event.data));
    await new Promise((resolve) => (ws.onopen = resolve));
    ws.send(JSON.stringify({ type: 'join', name: 'Mallory again' }));
    ws.send(JSON.stringify({ type: 'push', code: 'alert(1)' }));
    ws.send(JSON.stringify({ type: 'end' }));
    await new Promise((resolve) => setTimeout(resolve, 500));
    ws.close();
    return received.map((text) => JSON.parse(text) as { type: string; message?: string }).filter((m) => m.type === 'error');
  }, host.code);
  expect(answers.map((m) => m.message)).toEqual(['only the host can push snippets', 'only the host can end the workshop']);
  await expect(mallory.page.getByLabel('Pushed snippet')).toBeHidden();
  await expect(mallory.page.getByText(`You are Mallory`)).toBeVisible();

  // The console's address alone is not enough: the host token stays in the host's browser.
  const stranger = await mallory.context.newPage();
  await stranger.goto(`/workshop/host/?code=${host.code}`);
  await expect(stranger.getByText(`This browser is not the host of room ${host.code}.`)).toBeVisible();

  await host.page.getByRole('textbox', { name: 'Code', exact: true }).fill("log('still the host')");
  await host.page.getByRole('button', { name: 'Push to everyone' }).click();
  await expect(mallory.page.getByLabel('Pushed snippet')).toHaveText("log('still the host')");
  await mallory.context.close();
  await host.context.close();
});

test('the host console survives a reload, moderates the wall, and ends the workshop for everyone', async ({ browser }) => {
  const host = await startRoom(browser);
  const ada = await join(browser, host.code, 'Ada');
  // Someone types the code the instructor reads out on the workshop page instead.
  const bob = await browser.newContext();
  const bobPage = await bob.newPage();
  await bobPage.goto('/workshop/');
  await bobPage.getByLabel('Room code').fill(host.code.toLowerCase());
  await bobPage.getByRole('button', { name: 'Join' }).click();
  await bobPage.getByLabel('Your name').fill('Bob');
  await bobPage.getByRole('button', { name: 'Join' }).click();
  await expect(rowOf(host.page, 'Bob')).toContainText('connected');
  // Closing the tab says goodbye (pagehide): Bob shows as left at once, not as reconnecting.
  await bob.close();
  await expect(rowOf(host.page, 'Bob')).toContainText('left');

  await host.page.reload();
  await expect(host.page.locator('[data-role="code"]')).toHaveText(host.code);
  await expect(rowOf(host.page, 'Ada')).toContainText('connected');
  await expect(host.page.getByRole('region', { name: 'Attendees' }).getByText('1 present · 1 left')).toBeVisible();

  // Moderating the wall: remove a message, mute its author.
  await ada.page.getByRole('textbox', { name: 'Message' }).fill('first!!!');
  await ada.page.getByRole('button', { name: 'Post' }).click();
  const adaWall = ada.page.getByRole('list', { name: 'Message wall' });
  await expect(adaWall).toContainText('first!!!');
  await host.page.getByRole('button', { name: 'Remove message from Ada' }).click();
  await expect(adaWall.getByRole('listitem')).toHaveCount(0);
  await rowOf(host.page, 'Ada').getByRole('button', { name: 'Mute Ada' }).click();
  await expect(ada.page.getByText('The instructor has muted you on the wall.')).toBeVisible();
  await ada.page.getByRole('textbox', { name: 'Message' }).fill('let me in');
  await ada.page.getByRole('button', { name: 'Post' }).click();
  await expect(ada.page.getByRole('alert')).toHaveText('the instructor has muted you on the wall');
  await expect(rowOf(host.page, 'Ada').getByRole('button', { name: 'Unmute Ada' })).toBeVisible();
  await host.page.getByRole('button', { name: 'End the workshop' }).click();
  await expect(ada.page.getByRole('heading', { name: 'The workshop has ended' })).toBeVisible();
  await expect(host.page.getByRole('heading', { name: 'The workshop has ended' })).toBeVisible();
  await ada.context.close();
  await host.context.close();
});

test('a mistyped room code gets a clear answer, not a spinner', async ({ page }) => {
  await page.goto('/workshop/join/?code=zzzzzz');
  await expect(page.getByRole('alert')).toHaveText('no workshop room ZZZZZZ: check the code.');
  // The code field comes back at once, so a corrected code can be tried.
  await expect(page.getByRole('button', { name: 'Continue' })).toBeEnabled();
});
