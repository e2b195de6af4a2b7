import { expect, test } from '@playwright/test';
import { stopInstanceB } from './scaling-demo-support.ts';

test('the handshake lesson shows the headers the server saw and checks the accept key in the page', async ({ page }) => {
  await page.goto('/lessons/opening-handshake/');
  const inspector = page.locator('duplex-wire-inspector');
  await expect(inspector).toHaveAttribute('data-ready', '');
  await inspector.getByRole('button', { name: 'Open a socket and inspect it' }).click();
  await expect(inspector.getByLabel('Handshake request headers')).toContainText(/GET \/ws\/echo\?trace=lesson-\w+ HTTP\/1\.1/);
  await expect(inspector.getByLabel('Handshake request headers')).toContainText(/sec-websocket-key: \S{22}==/i);
  await expect(inspector.getByLabel('Handshake response headers')).toContainText('HTTP/1.1 101 Switching Protocols');
  await expect(inspector.getByText(/the server answered \S{27}=: they match\./)).toBeVisible();
});

test('the frames lesson lists each frame the server saw, with the mask counted on client frames', async ({ page }) => {
  await page.goto('/lessons/frames-on-the-wire/');
  const inspector = page.locator('duplex-wire-inspector');
  await inspector.getByRole('button', { name: 'Open a socket and inspect it' }).click();
  await expect(inspector.getByRole('status')).toHaveText(/^open/);
  await inspector.getByRole('textbox', { name: 'Message' }).fill('hello');
  await inspector.getByRole('button', { name: 'Send' }).click();
  const frames = inspector.getByRole('table', { name: 'Frames the server saw on this connection' });
  // 5-byte text: 2 + 4 (mask) header bytes from the browser, 2 from the server.
  await expect(frames.getByRole('row', { name: 'browser → server text 5 6 11 hello' })).toBeVisible();
  await expect(frames.getByRole('row', { name: 'server → browser text 5 2 7 hello' })).toBeVisible();
  await inspector.getByRole('button', { name: 'Close (1000)' }).click();
  await expect(frames.getByRole('row', { name: /browser → server close .* 1000 closed from the lesson/ })).toBeVisible();
  await expect(inspector.getByRole('status')).toHaveText('closed 1000 "closed from the lesson", wasClean: true');
});

test('the compression lesson shows the deflate offer accepted and each message before and after compression', async ({ page }) => {
  await page.goto('/lessons/compression/');
  const inspector = page.locator('duplex-wire-inspector');
  await inspector.getByRole('button', { name: 'Open a socket and inspect it' }).click();
  await expect(inspector.getByRole('status')).toHaveText(/^open with permessage-deflate/);
  await expect(inspector.getByLabel('Handshake request headers')).toContainText(/sec-websocket-extensions: permessage-deflate/i);
  const frames = inspector.getByRole('table', { name: 'Frames the server saw on this connection' });
  await inspector.getByRole('textbox', { name: 'Message' }).fill('hello '.repeat(100));
  await inspector.getByRole('button', { name: 'Send' }).click();
  // 600 bytes that repeat themselves travel as a few dozen, both ways.
  await expect(frames.getByRole('row', { name: /^browser → server text 600 \d+ \([\d.]+× smaller\)/ })).toBeVisible();
  await expect(frames.getByRole('row', { name: /^server → browser text 600 \d+ \([\d.]+× smaller\)/ })).toBeVisible();
  await inspector.getByRole('textbox', { name: 'Message' }).fill('hi');
  await inspector.getByRole('button', { name: 'Send' }).click();
  await expect(frames.getByRole('row', { name: /^server → browser text 2 \d+ \(\d+ bytes more than the payload\)/ })).toBeVisible();
});

test('the security lesson shows the server accepting this page and refusing a foreign origin', async ({ page }) => {
  await page.goto('/lessons/security-and-scaling/');
  const demo = page.locator('duplex-origin-demo');
  await expect(demo).toHaveAttribute('data-ready', '');
  await demo.getByRole('button', { name: 'Connect from this page' }).click();
  await expect(demo.getByRole('status').first()).toHaveText('opened: this page’s origin is allowed');
  await demo.getByRole('button', { name: 'Connect from another origin' }).click();
  await expect(demo.getByRole('status').last()).toHaveText('refused: the socket never opened, close code 1006');
});

test('opening the wire inspector a second time starts a fresh connection (the old one closes with a code a page may send)', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/lessons/opening-handshake/');
  const inspector = page.locator('duplex-wire-inspector');
  const open = inspector.getByRole('button', { name: 'Open a socket and inspect it' });
  const request = inspector.getByLabel('Handshake request headers');
  await open.click();
  await expect(request).toContainText(/trace=lesson-\w+/);
  const first = /trace=(lesson-\w+)/.exec((await request.textContent()) ?? '')?.[1] ?? '';
  await open.click();
  await expect(request).not.toContainText(first);
  await expect(request).toContainText(/trace=lesson-\w+/);
  expect(errors).toEqual([]);
});

test('what the browser-api lesson says about close codes holds: a page may not send 1001', async ({ page }) => {
  await page.goto('/lessons/browser-api/');
  const outcome = await page.evaluate(async () => {
    const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/ws/echo`);
    await new Promise((resolve) => (socket.onopen = resolve));
    let thrown = '';
    try {
      socket.close(1001, 'page hidden');
    } catch (error) {
      thrown = (error as DOMException).name;
    }
    const stillOpen = socket.readyState === WebSocket.OPEN;
    socket.close(1000, 'page hidden');
    return { thrown, stillOpen };
  });
  expect(outcome).toEqual({ thrown: 'InvalidAccessError', stillOpen: true });
});

test('the scaling lesson stops instance B: with offsets client 2 resumes on A with nothing lost, with plain pub/sub it misses what was said meanwhile', async ({ page }) => {
  await page.goto('/lessons/security-and-scaling/');
  await stopInstanceB(page, 'Here both instances run in this one server process');
});

test('the scaling demos open no socket while the lesson loads, only once the reader scrolls to them', async ({ page }) => {
  const opened: string[] = [];
  page.on('websocket', (socket) => opened.push(socket.url()));
  await page.goto('/lessons/security-and-scaling/');
  const demo = page.getByRole('group', { name: 'Scaling demo with a log and offsets' });
  await expect(demo).toHaveAttribute('data-ready', '');
  await page.waitForLoadState('networkidle');
  expect(opened.filter((url) => url.includes('/ws/scaling-demo/'))).toEqual([]);
  await demo.scrollIntoViewIfNeeded();
  await expect(demo.getByRole('region', { name: 'Client 2' }).getByText('connected to instance B')).toBeVisible();
  expect(opened.filter((url) => url.includes('/ws/scaling-demo/')).length).toBeGreaterThanOrEqual(2);
});
