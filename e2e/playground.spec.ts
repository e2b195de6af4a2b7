import { expect, test, type Locator, type Page } from '@playwright/test';
import { editorReady } from './editor-support.ts';

const lesson = '/lessons/what-is-a-websocket/';

function playground(page: Page, title = 'Echo') {
  return page.locator('duplex-playground').filter({ has: page.getByText(title, { exact: true }) });
}

/** A lane is a canvas; its accessible name sums it up (counts, overlaps, latest message). */
const lane = (pg: Locator, socket: number, direction: 'up' | 'down') =>
  pg.getByRole('img', { name: new RegExp(`^#${socket} ${direction === 'up' ? 'client → server' : 'server → client'}:`) });

/** Replaces the code through the element's public API (typing braces into Monaco auto-closes them). */
async function setCode(pg: Locator, code: string) {
  await pg.evaluate((el: Element & { setCode?: (code: string) => Promise<void> }, next) => el.setCode?.(next), code);
  await expect(pg).toHaveAttribute('data-editor', 'ready', editorReady);
}

/** Opens Monaco in the playground and types `code` over its content, as a person would. */
async function typeCode(page: Page, pg: Locator, code: string) {
  await pg.getByRole('button', { name: 'Edit' }).click();
  await expect(pg.getByRole('textbox', { name: /Playground code editor/ })).toBeFocused(editorReady);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

test('Monaco is not loaded until the learner shows intent', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(lesson);
  await expect(playground(page)).toHaveAttribute('data-ready', '');
  await page.waitForLoadState('networkidle');
  expect(requested.filter((url) => /editor\.api|editor\.worker|ts\.worker|run-session/.test(url))).toEqual([]);
  await expect(page.locator('style[data-source="monaco"]')).toHaveCount(0);
});

test('run the example without the editor: the echo comes back, in the output and in both lanes', async ({ page }) => {
  await page.goto(lesson);
  const pg = playground(page);
  await pg.getByRole('button', { name: 'Run' }).click();
  const output = pg.getByRole('log');
  await expect(output).toContainText('→ hello, duplex');
  await expect(output).toContainText('the server said: hello, duplex');
  await expect(pg.getByRole('status')).toHaveText('open');
  // Exactly one text frame each way (the server's pings and the browser's pongs come and go too).
  await expect(lane(pg, 1, 'up')).toHaveAccessibleName(/: \d+ frames \((?:.*, )?1 text[,)].*latest message: hello, duplex$/);
  await expect(lane(pg, 1, 'down')).toHaveAccessibleName(/: \d+ frames \((?:.*, )?1 text[,)].*latest message: hello, duplex$/);
  // The frame list has both, with their size on the wire (the client's frame carries a 4-byte mask).
  const frames = pg.getByRole('list', { name: 'Frames, newest first' });
  await expect(frames.getByText(/#1 ↑ +text +19 B +hello, duplex/)).toHaveCount(1);
  await expect(frames.getByText(/#1 ↓ +text +15 B +hello, duplex/)).toHaveCount(1);
  // The server's view adds what the browser cannot see: the handshake it received.
  await expect(output).toContainText(/server saw GET \/ws\/echo\?trace=\S+ HTTP\/1\.1 → 101/);
});

test('edit the code in Monaco, run it with Ctrl+Enter, and see the edited text echoed in output and both lanes', async ({ page }) => {
  await page.goto(lesson);
  const pg = playground(page);
  await typeCode(page, pg, "const s = connect('/ws/echo');\ns.onopen = () => s.send('edited by a person 42');\ns.onmessage = (e) => log('got back:', e.data);\n");
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(pg.getByRole('log')).toContainText('got back: edited by a person 42');
  await expect(lane(pg, 1, 'up')).toHaveAccessibleName(/latest message: edited by a person 42$/);
  await expect(lane(pg, 1, 'down')).toHaveAccessibleName(/latest message: edited by a person 42$/);
  // The frame list shows it too, and expands to the full payload.
  const row = pg.getByRole('listitem').filter({ hasText: /↓ +text .*edited by a person 42/ });
  await row.getByRole('button', { expanded: false }).click();
  await expect(row.getByRole('button', { expanded: true })).toBeVisible();
  await expect(row.locator('pre')).toHaveText('edited by a person 42');
});

test('the editor knows the playground globals: completion offers connect() and its socket\'s methods, hover documents it, and no TypeScript worker loads for JavaScript', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(lesson);
  const pg = playground(page);
  await typeCode(page, pg, 'conn');
  await page.keyboard.press('Control+Space');
  const suggestions = pg.locator('.suggest-widget');
  await expect(suggestions.getByRole('listitem', { name: /^connect, Function/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+A');
  // The first line keeps `connect` a span of its own in the rendered text, for the hover below.
  await page.keyboard.insertText("connect('/ws/echo');\nconst s = connect('/ws/echo');\ns.");
  await expect(suggestions.getByRole('listitem', { name: /^send, Method/ })).toBeVisible();
  await expect(suggestions.getByRole('listitem', { name: /^reconnect, Method/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await pg.locator('.view-lines').getByText('connect', { exact: true }).first().hover();
  await expect(pg.locator('.monaco-hover').filter({ hasText: 'reconnecting socket' }).first()).toBeVisible();
  expect(requested.filter((url) => /ts\.worker/.test(url))).toEqual([]);
});

test('Ctrl/Cmd+Enter runs the example from the keyboard, without loading the editor', async ({ page }) => {
  await page.goto(lesson);
  const pg = playground(page);
  await pg.getByRole('button', { name: 'Reset' }).focus();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(pg.getByRole('log')).toContainText('the server said: hello, duplex');
  await expect(pg).not.toHaveAttribute('data-editor', 'ready');
});

test('Stop ends an infinite loop and the page stays responsive', async ({ page }) => {
  await page.goto(lesson);
  const pg = playground(page);
  await typeCode(page, pg, "log('spinning');\nwhile (true) {}\n");
  await pg.getByRole('button', { name: 'Run' }).click();
  await expect(pg.getByRole('log')).toContainText('spinning');
  await expect(pg.getByRole('status')).toHaveText('running');
  await pg.getByRole('button', { name: 'Stop' }).click();
  await expect(pg.getByRole('status')).toHaveText('stopped');
  await expect(pg.getByRole('button', { name: 'Stop' })).toBeDisabled();
  // The page's own thread was never blocked: it still evaluates script and handles clicks.
  expect(await page.evaluate(() => 6 * 7)).toBe(42);
  await pg.getByRole('textbox', { name: /Playground code editor/ }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText("log('alive again');\n");
  await pg.getByRole('button', { name: 'Run' }).click();
  await expect(pg.getByRole('log')).toContainText('alive again');
});

/** Runs `code` in the lesson's Echo playground and waits until its socket is open. */
async function runUntilOpen(page: Page, code: string) {
  await page.goto(lesson);
  const pg = playground(page);
  await setCode(pg, code);
  await pg.getByRole('button', { name: 'Run' }).click();
  await expect(pg.getByRole('status')).toHaveText('open');
  return pg;
}

// Sends once, at the first close (each failed attempt closes again: that must not send again).
const sendWhileDown = "const s = connect('/ws/echo');\ns.addEventListener('close', () => s.send('sent while down'), { once: true });\ns.onmessage = (e) => log('echo:', e.data);\n";

test('drop the connection: it reconnects, and a message sent while down arrives exactly once', async ({ page }) => {
  const pg = await runUntilOpen(page, sendWhileDown);
  await pg.getByRole('button', { name: 'Drop connection' }).click();
  const output = pg.getByRole('log');
  await expect(output).toContainText('#1 closed 1006 the connection ended without a close frame');
  await expect(output).toContainText('retrying in 0.5 s');
  // Cause before effect: the server's drop is logged before the close it causes.
  const lines = await output.locator('.pg-line').allTextContents();
  expect(lines.findIndex((line) => line.includes('the server dropped the connection'))).toBeLessThan(lines.findIndex((line) => line.includes('#1 closed 1006')));
  await expect(output).toContainText('→ sent while down  (queued while not open)');
  await expect(pg.getByRole('status')).toHaveText('open');
  await expect(output).toContainText('echo: sent while down');
  await expect(output).toContainText('#1 connecting to ws://localhost');
  await page.waitForTimeout(1000); // long enough for a duplicate to show up, if there were one
  await expect(output.getByText('echo: sent while down', { exact: true })).toHaveCount(1);
});

test("the learner's own lines survive a flood of socket events, and the connection log can be hidden", async ({ page }) => {
  await page.goto(lesson);
  const pg = playground(page);
  await setCode(
    pg,
    // Bursts of 20 a quarter second apart: each fits in one flush of the panel, so every line is
    // written (a single burst of hundreds would be thinned to 60 lines and never fill the log).
    "log('first line');\nconst s = connect('/ws/echo');\nlet echoes = 0;\ns.onmessage = () => { if (++echoes === 600) log('all 600 echoed'); };\nawait new Promise((open) => (s.onopen = open));\nfor (let burst = 0; burst < 30; burst++) {\n  for (let i = 0; i < 20; i++) s.send(`tick ${burst * 20 + i}`);\n  await sleep(250);\n}\n",
  );
  await pg.getByRole('button', { name: 'Run' }).click();
  const output = pg.getByRole('log');
  await expect(output).toContainText('all 600 echoed', { timeout: 30_000 });
  // 1,200 socket lines went by; the connection log keeps the newest 300, the program's lines stay.
  await expect(output.getByText('first line', { exact: true })).toBeVisible();
  await expect(output).toContainText('code finished');
  await expect(output.locator('.pg-connection')).toHaveCount(300);
  await expect(output.getByText('#1 → tick 0', { exact: true })).toHaveCount(0);
  await expect(output.getByText('#1 ← tick 599', { exact: true })).toBeVisible();

  await pg.getByRole('checkbox', { name: 'Show connection events' }).uncheck();
  await expect(output.getByText('#1 ← tick 599', { exact: true })).toBeHidden();
  await expect(output.getByText('first line', { exact: true })).toBeVisible();
  await expect(output.getByText('all 600 echoed', { exact: true })).toBeVisible();
  await pg.getByRole('checkbox', { name: 'Show connection events' }).check();
  await expect(output.getByText('#1 ← tick 599', { exact: true })).toBeVisible();
});

test('take the server away for 3 s: a reconnect countdown, queued sends, then open again', async ({ page }) => {
  const pg = await runUntilOpen(page, sendWhileDown);
  await pg.getByRole('combobox', { name: 'Outage length' }).selectOption('3');
  await pg.getByRole('button', { name: 'Take server away' }).click();
  // The first retry comes 0.5 s after the drop and is refused (503), so the countdown may already
  // name the refused attempt ("connection failed") when the assertion first looks.
  await expect(pg.getByRole('status')).toHaveText(/^reconnecting in \d s after 1006 the connection ended without a close frame(: connection (lost|failed))? · 1 queued$/);
  await expect(pg.getByRole('status')).toHaveText('open', { timeout: 15_000 });
  await expect(pg.getByRole('log')).toContainText('fault: the server dropped the connection and refuses new ones for 3 s');
  await page.waitForTimeout(500);
  await expect(pg.getByRole('log').getByText('echo: sent while down', { exact: true })).toHaveCount(1);
});

test('the ticker example shows frames in flight both ways at once, in both lanes', async ({ page }) => {
  await page.goto(lesson);
  const pg = playground(page, 'Ticker');
  await pg.getByRole('button', { name: 'Run' }).click();
  await expect(lane(pg, 1, 'down')).toHaveAccessibleName(/latest message: \{"type":"tick"/);
  await expect(lane(pg, 1, 'up')).toHaveAccessibleName(/; [1-9]\d* crossing;/, { timeout: 15_000 });
  await expect(lane(pg, 1, 'down')).toHaveAccessibleName(/; [1-9]\d* crossing;/);
  await expect(pg.getByText(/[1-9]\d* crossed a frame going the other way$/)).toBeVisible();
});

test('the server view shows the ping the browser API hides, and the browser’s pong', async ({ page }) => {
  await page.goto(lesson);
  const pg = playground(page);
  await pg.getByRole('button', { name: 'Run' }).click();
  // The e2e server pings every two seconds (DUPLEX_HEARTBEAT_MS in playwright.config.ts).
  await expect(lane(pg, 1, 'down')).toHaveAccessibleName(/\d+ ping/, { timeout: 5000 });
  await expect(lane(pg, 1, 'up')).toHaveAccessibleName(/\d+ pong/);
  const frames = pg.getByRole('list', { name: 'Frames, newest first' });
  await expect(frames.getByText(/#1 ↓ +ping /).first()).toBeVisible();
  await expect(frames.getByText(/#1 ↑ +pong /).first()).toBeVisible();
  // Filtering by type hides them from the list.
  await pg.getByRole('checkbox', { name: 'ping' }).uncheck();
  await expect(frames.getByText(/#1 ↓ +ping /)).toHaveCount(0);
  await expect(frames.getByText(/#1 ↑ +pong /).first()).toBeVisible();
});

test('one run can open several connections: each gets its own labelled pair of lanes', async ({ page }) => {
  await page.goto(lesson);
  const pg = playground(page);
  await setCode(pg, "for (const name of ['alice', 'bob']) {\n  const s = connect('/ws/echo');\n  s.onopen = () => s.send(`hi from ${name}`);\n}\n");
  await pg.getByRole('button', { name: 'Run' }).click();
  await expect(pg.getByRole('status')).toHaveText('#1 open | #2 open');
  await expect(lane(pg, 1, 'down')).toHaveAccessibleName(/latest message: hi from alice$/);
  await expect(lane(pg, 2, 'down')).toHaveAccessibleName(/latest message: hi from bob$/);
  await expect(pg.getByRole('region', { name: 'Socket #2' })).toContainText('#2 /ws/echo');
});

test('Reset brings back the example after editing', async ({ page }) => {
  await page.goto(lesson);
  const pg = playground(page);
  await typeCode(page, pg, "log('mine');\n");
  await pg.getByRole('button', { name: 'Reset' }).click();
  await expect(pg.locator('.monaco-editor .view-lines')).toContainText("connect('/ws/echo')");
});

test('a share link restores the edited code on /playground/', async ({ page }) => {
  await page.goto(lesson);
  const pg = playground(page);
  await typeCode(page, pg, "log('shared from a lesson: ünïcødé');\n");
  await pg.getByRole('button', { name: 'Share' }).click();
  const link = await pg.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/\/playground\/#code=[A-Za-z0-9_-]+$/);
  await page.goto(link);
  const full = page.locator('duplex-playground');
  await expect(page.getByRole('status').filter({ hasText: 'Loaded the code from the link.' })).toBeVisible();
  await expect(full).toHaveAttribute('data-editor', 'ready', editorReady);
  expect(await full.evaluate((el: Element & { code?: string }) => el.code)).toBe("log('shared from a lesson: ünïcødé');\n");
  await full.getByRole('button', { name: 'Run' }).click();
  await expect(full.getByRole('log')).toContainText('shared from a lesson: ünïcødé');
});

test('a damaged share link says what is wrong and shows an example instead', async ({ page }) => {
  await page.goto('/playground/#code=not*base64');
  await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toHaveText(
    "This link's code could not be read: the code in the link is not base64url (was it cut or edited?). Showing an example instead.",
  );
  expect(await page.locator('duplex-playground').evaluate((el: Element & { code?: string }) => el.code)).toContain('connect(');
});

test('the traffic view can be paused, exported as a recording and cleared, and latency can be added', async ({ page }) => {
  await page.goto(lesson);
  const pg = playground(page, 'Ticker');
  await pg.getByRole('button', { name: 'Run' }).click();
  const traffic = pg.getByRole('region', { name: 'Ticker traffic' });
  await expect(traffic.getByText(/^[1-9]\d* frames:/)).toBeVisible();
  await traffic.getByRole('button', { name: 'Pause' }).click();
  await expect(traffic.getByRole('button', { name: 'Resume' })).toHaveAttribute('aria-pressed', 'true');
  await expect(traffic.getByText(/^Paused at \d+ frames \(still recording\)\.$/)).toBeVisible();
  await traffic.getByRole('button', { name: 'Resume' }).click();

  const download = page.waitForEvent('download');
  await traffic.getByRole('button', { name: 'Export recording' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^duplex-recording-.*\.json$/);
  const exported = JSON.parse(await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')));
  expect([exported.format, exported.version]).toEqual(['duplex-recording', 1]);
  expect(exported.frames.some((frame: { opcode: string; direction: string }) => frame.opcode === 'text' && frame.direction === 'down')).toBe(true);

  await traffic.getByRole('combobox', { name: 'Latency' }).selectOption('300');
  await expect(pg.getByRole('log')).toContainText('fault: the server now holds each message to you for 300 ms');
  await pg.getByRole('button', { name: 'Stop' }).click();
  await traffic.getByRole('button', { name: 'Clear' }).click();
  await expect(traffic.getByText('No frames yet.')).toBeVisible();
  await expect(traffic.getByRole('listitem')).toHaveCount(0);
});
