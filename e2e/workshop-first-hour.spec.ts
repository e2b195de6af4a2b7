import { expect, test, type Page } from '@playwright/test';
import { editorReady } from './editor-support.ts';
import { forbidDialogs, join, push, rowOf, startRoom } from './workshop-support.ts';

/** The instructor's and the attendee's first hour: each wall the issue found, met as a person meets it. */

const slides = (page: Page) => page.frameLocator('iframe[title="The instructor\'s slides"]');

test('a mistyped room code is caught before the name is asked, with the code field to type it again', async ({ browser }) => {
  const host = await startRoom(browser);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/workshop/join/?code=ZZZZZZ');
  await expect(page.getByRole('alert')).toHaveText('no workshop room ZZZZZZ: check the code.');
  await expect(page.getByLabel('Your name')).toBeHidden();
  const field = page.getByRole('textbox', { name: 'Room code' });
  await expect(field).toHaveValue('ZZZZZZ');
  await expect(field).toBeFocused();
  await field.fill(host.code.toLowerCase());
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Your name').fill('Retyped');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByText('You are Retyped')).toBeVisible();
  await expect(rowOf(host.page, 'Retyped')).toContainText('connected');
  await context.close();
  await host.context.close();
});

test('"Run it" on a pushed snippet keeps the attendee\'s own edits unless they choose to replace them', async ({ browser }) => {
  test.setTimeout(120_000);
  const host = await startRoom(browser);
  const ada = await join(browser, host.code, 'Ada');
  await push(host.page, "log('first snippet ran');");
  await ada.page.getByRole('button', { name: 'Run it' }).click();
  const playground = ada.page.locator('duplex-playground');
  const output = ada.page.getByRole('log', { name: 'Your playground output' });
  await expect(output).toContainText('first snippet ran', editorReady);

  // Ada adds a line of her own; the next snippet arrives; "Run it" asks before replacing her code.
  await expect(playground).toHaveAttribute('data-editor', 'ready', editorReady);
  await playground.locator('.view-lines').click();
  await ada.page.keyboard.press('ControlOrMeta+End');
  await ada.page.keyboard.insertText("\nlog('my own line');");
  await push(host.page, "log('second snippet ran');");
  await expect(ada.page.getByLabel('Pushed snippet')).toHaveText("log('second snippet ran');");
  await ada.page.getByRole('button', { name: 'Run it' }).click();
  const choice = ada.page.getByRole('group', { name: 'Your editor has edits of your own. Run the snippet in their place?' });
  await expect(choice).toBeVisible();
  await choice.getByRole('button', { name: 'Run my own code' }).click();
  await expect(output).toContainText('my own line');
  await expect(output).not.toContainText('second snippet ran');
  await expect(playground.locator('.view-lines')).toContainText('my own line');
  await expect(choice).toBeHidden();

  await ada.page.getByRole('button', { name: 'Run it' }).click();
  await choice.getByRole('button', { name: 'Replace my code and run' }).click();
  await expect(output).toContainText('second snippet ran');
  await expect(playground.locator('.view-lines')).not.toContainText('my own line');
  await ada.context.close();
  await host.context.close();
});

for (const [label, viewport] of [
  ['a phone', { width: 390, height: 844 }],
  ['a laptop', { width: 1280, height: 720 }],
] as const) {
  test(`on ${label}, "Run it" brings the snippet's output into view`, async ({ browser }) => {
    test.setTimeout(120_000);
    const host = await startRoom(browser);
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`/workshop/join/?code=${host.code}`);
    await page.getByLabel('Your name').fill('Viewer');
    await page.getByRole('button', { name: 'Join' }).click();
    await push(host.page, "const s = connect('/ws/echo');\ns.onopen = () => s.send('seen at once');\ns.onmessage = (e) => log('echo:', e.data);");
    await page.getByRole('button', { name: 'Run it' }).click();
    const output = page.getByRole('log', { name: 'Your playground output' });
    await expect(output).toContainText('echo: seen at once', editorReady);
    await expect(output).toBeInViewport();
    await context.close();
    await host.context.close();
  });
}

test('attendees see the lesson\'s title, and a live demo runs inside the slide they follow', async ({ browser }) => {
  test.setTimeout(120_000);
  const host = await startRoom(browser);
  const ada = await join(browser, host.code, 'Ada');
  const presenter = await host.context.newPage();
  forbidDialogs(presenter);
  await presenter.goto(`/present/what-is-a-websocket/?room=${host.code}#4`);
  await expect(presenter.getByRole('status').filter({ hasText: 'connected' })).toBeVisible();
  await expect(ada.page.getByText('The instructor is on slide 4 of “What is a WebSocket?”.')).toBeVisible();
  await expect(host.page.getByText('The room is on “What is a WebSocket?”, slide 4.')).toBeVisible();
  const demo = slides(ada.page).locator('duplex-playground').filter({ has: slides(ada.page).getByText('Echo', { exact: true }) });
  await demo.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(demo.getByRole('log')).toContainText('the server said: hello, duplex');
  await ada.context.close();
  await host.context.close();
});

test('the host console has a clean projector view: large code, QR, join URL and attendee count, full screen', async ({ browser }) => {
  const host = await startRoom(browser);
  const ada = await join(browser, host.code, 'Ada');
  await expect(rowOf(host.page, 'Ada')).toContainText('connected');
  await host.page.getByRole('button', { name: 'Projector view' }).click();
  const projector = host.page.getByRole('region', { name: 'Projector view' });
  await expect(projector).toBeVisible();
  await expect(projector.getByLabel('Room code')).toHaveText(host.code);
  await expect(projector.getByRole('link', { name: new RegExp(`/workshop/join/\\?code=${host.code}$`) })).toBeVisible();
  await expect(projector.getByRole('img', { name: /^QR code for / })).toBeVisible();
  await expect(projector.getByText('1 present')).toBeVisible();
  await expect(host.page.getByRole('heading', { name: 'Push a snippet' })).toBeHidden();
  await expect.poll(() => host.page.evaluate(() => document.fullscreenElement?.getAttribute('aria-label'))).toBe('Projector view');
  // The count stays live on the projector.
  await ada.page.getByRole('button', { name: 'Leave' }).click();
  await expect(projector.getByText('0 present · 1 left')).toBeVisible();
  await projector.getByRole('button', { name: 'Back to the console' }).click();
  await expect(host.page.getByRole('heading', { name: 'Push a snippet' })).toBeVisible();
  await expect.poll(() => host.page.evaluate(() => document.fullscreenElement)).toBeNull();
  await ada.context.close();
  await host.context.close();
});

test('a tab the attendee closes shows as "left" at once, never "reconnecting", and the same link brings them back', async ({ browser }) => {
  const host = await startRoom(browser);
  const ada = await join(browser, host.code, 'Ada');
  await expect(rowOf(host.page, 'Ada')).toContainText('connected');
  // Every state the host's row goes through, as the host's page draws it.
  await host.page.evaluate(() => {
    const list = document.querySelector('[aria-label="Attendees"]')!;
    const seen: string[] = ((window as unknown as { seenStates: string[] }).seenStates = []);
    new MutationObserver(() => {
      for (const badge of list.querySelectorAll('.ws-badge')) seen.push(badge.textContent ?? '');
    }).observe(list, { subtree: true, childList: true, characterData: true });
  });
  await ada.page.close();
  await expect(rowOf(host.page, 'Ada')).toContainText('left');
  await expect(host.page.getByRole('region', { name: 'Attendees' }).getByText('0 present · 1 left')).toBeVisible();
  expect(await host.page.evaluate(() => (window as unknown as { seenStates: string[] }).seenStates)).not.toContain('reconnecting');

  const again = await ada.context.newPage();
  await again.goto(`/workshop/join/?code=${host.code}`);
  await expect(again.getByText('You are Ada')).toBeVisible();
  await expect(rowOf(host.page, 'Ada')).toContainText('connected');
  await expect(host.page.getByRole('list', { name: 'Attendees' }).getByRole('listitem')).toHaveCount(1);
  await ada.context.close();
  await host.context.close();
});
