import { expect, test, type Locator, type Page } from '@playwright/test';
import { FaultProxy } from '../test-support/fault-proxy.ts';

/**
 * The playground behind real network faults: the lesson page is loaded through a TCP fault
 * proxy (its origin is the proxy), so the learner's socket crosses a path the test can cut.
 * The blackhole button is the server-side fault a learner presses; the proxy proves the cut.
 */
const it = test.extend<{ link: FaultProxy }>({
  link: async ({ baseURL }, use) => {
    const proxy = await FaultProxy.start(baseURL ?? '');
    await use(proxy);
    await proxy.stop();
  },
});

const lesson = '/lessons/what-is-a-websocket/';
const playground = (page: Page) => page.locator('duplex-playground').filter({ has: page.getByText('Echo', { exact: true }) });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function run(page: Page, origin: string, code: string): Promise<Locator> {
  await page.goto(`${origin}${lesson}`);
  const pg = playground(page);
  await pg.evaluate((element, source) => (element as HTMLElement & { setCode(code: string): Promise<void> }).setCode(source), code);
  await pg.getByRole('button', { name: 'Run' }).click();
  await expect(pg.getByRole('status')).toHaveText('open');
  return pg;
}

// Sends once, at the first close (each refused attempt closes again: that must not send again).
const sendWhileDown = "const s = connect('/ws/echo');\ns.addEventListener('close', () => s.send('sent while down'), { once: true });\ns.onmessage = (e) => log('echo:', e.data);\n";

it('over a 5 s cut the playground counts down to each retry, as its log says, and comes back; a send made while down arrives once', async ({ page, link }) => {
  test.setTimeout(60_000);
  const pg = await run(page, link.url, sendWhileDown);
  await link.cut(600);
  const status = pg.getByRole('status');
  const output = pg.getByRole('log');
  await expect(status).toHaveText(/^reconnecting in \d s after 1006 the connection ended without a close frame: connection (lost|failed) · 1 queued$/);
  await expect(output).toContainText('1006 the connection ended without a close frame: connection failed, retrying in');
  // The countdown never promises more than the log's last announced wait. Both are read in one
  // page task (a snapshot), taken while the status shows a countdown: between retries it reads "connecting".
  const snapshot = () =>
    pg.evaluate((element) => [element.querySelector('[role="status"]')?.textContent ?? '', element.querySelector('[role="log"]')?.textContent ?? '']);
  let shown = NaN;
  let logged: number[] = [];
  await expect
    .poll(async () => {
      const [statusText, logText] = await snapshot();
      shown = Number(/reconnecting in (\d+) s/.exec(statusText ?? '')?.[1] ?? NaN);
      logged = [...(logText ?? '').matchAll(/retrying in ([\d.]+) s/g)].map((m) => Number(m[1]));
      return Number.isNaN(shown) ? 'no countdown' : 'countdown';
    })
    .toBe('countdown');
  expect(shown).toBeLessThanOrEqual(Math.ceil(Math.max(...logged)));
  await sleep(5000);
  await link.heal();
  await expect(status).toHaveText('open');
  await expect(output).toContainText('echo: sent while down');
  await sleep(1000); // long enough for a duplicate to show up, if there were one
  await expect(output.getByText('echo: sent while down', { exact: true })).toHaveCount(1);
});

it('blackhole the link: the page heartbeat gives up and reconnects, and the server ends the silent connection', async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  const heartbeat = "const s = connect('/ws/echo', { heartbeat: { intervalMs: 1000, timeoutMs: 1500, message: 'ping' } });\n";
  const pg = await run(page, baseURL ?? '', heartbeat);
  await pg.getByRole('button', { name: 'Blackhole the link' }).click();
  const output = pg.getByRole('log');
  await expect(output).toContainText('fault: the link went silent (no bytes either way, no close)');
  await expect(output).toContainText('#1 closed 1006 the connection ended without a close frame: no answer from the server for 1.5 s');
  await expect(pg.getByRole('status')).toHaveText('open');
  // The server ends the silent connection too: by its heartbeat (1006, no pong within two 2 s
  // intervals), or on the browser's close frame, which the kernel still delivers once the browser
  // gives up on the TCP connection (this fault silences the server's socket, not the wire; the
  // fault proxy's blackhole, in the node tests, silences the wire).
  await expect(output).toContainText(/server's side of connection 1 ended: (1006 the connection ended without a close frame|4000 an application-defined code: no answer to the heartbeat)/);
});

it('each fault says what it does: a tooltip always, a line under the buttons on its first use in this browser, and a mark on the lane at that moment', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  let pg = await run(page, baseURL ?? '', sendWhileDown);
  let faults = pg.getByRole('group', { name: 'Faults on demand' });
  const drop = () => faults.getByRole('button', { name: 'Drop connection' });
  await expect(drop()).toHaveAttribute('title', /^Drop connection: the server cuts the TCP connection with no close frame/);
  await expect(faults.getByRole('button', { name: 'Blackhole the link' })).toHaveAttribute('title', /half-open/);
  await expect(faults.getByRole('paragraph')).toBeHidden();
  await drop().click();
  await expect(faults.getByRole('paragraph')).toHaveText(/^Drop connection: the server cuts the TCP connection with no close frame; your socket sees 1006 and reconnects\.$/);
  await expect(pg.getByRole('img', { name: /^#1 server → client: .*fault marked: drop/ })).toBeVisible();

  // The same browser, another visit: the drop was explained once, so the line stays empty; the
  // tooltip still says it, and a fault not used before is still explained on its first use.
  pg = await run(page, baseURL ?? '', sendWhileDown);
  faults = pg.getByRole('group', { name: 'Faults on demand' });
  await drop().click();
  await expect(pg.getByRole('img', { name: /^#1 server → client: .*fault marked: drop/ })).toBeVisible();
  await expect(faults.getByRole('paragraph')).toBeHidden();
  await expect(drop()).toHaveAttribute('title', /^Drop connection: the server cuts the TCP connection/);
  await expect(pg.getByRole('status')).toHaveText('open');
  await faults.getByRole('button', { name: 'Blackhole the link' }).click();
  await expect(faults.getByRole('paragraph')).toHaveText(/^Blackhole the link: nothing moves either way and nobody is told/);
});

it('the latency fault visibly delays the echo in the real page', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  // The learner's own measure: each message carries its send time, each echo says how long it took.
  const roundTrips = "const s = connect('/ws/echo');\ns.onmessage = (e) => log(`echo after ${Math.round(performance.now() - Number(e.data))} ms`);\ns.onopen = async () => {\n  for (let i = 0; i < 120; i++) {\n    s.send(String(performance.now()));\n    await sleep(250);\n  }\n};\n";
  const pg = await run(page, baseURL ?? '', roundTrips);
  const output = pg.getByRole('log');
  await expect(output).toContainText(/echo after \d+ ms/);
  await pg.getByRole('group', { name: 'Faults on demand' }).getByLabel('Latency').selectOption('1000');
  await expect(pg.getByRole('group', { name: 'Faults on demand' }).getByRole('paragraph')).toContainText('the server waits this long before each message it sends');
  // A lower bound the server's own timer guarantees, however loaded the machine is.
  await expect(output).toContainText(/echo after (1\d{3}|[2-9]\d{3}) ms/, { timeout: 30_000 });
});

it('with 40 sockets the traffic view keeps the page height bounded: the lanes scroll inside it', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const many = "const sockets = [];\nfor (let i = 0; i < 40; i++) {\n  const s = connect('/ws/echo');\n  s.onopen = () => s.send(`hello from ${i}`);\n  sockets.push(s);\n}\nawait sleep(60_000);\n";
  await page.goto(lesson);
  const pg = playground(page);
  await pg.evaluate((element, source) => (element as HTMLElement & { setCode(code: string): Promise<void> }).setCode(source), many);
  await pg.getByRole('button', { name: 'Run' }).click();
  await expect(pg.getByRole('status')).toHaveText(/^40 sockets: 40 open/, { timeout: 30_000 });
  const lanes = pg.getByRole('region', { name: 'Lanes, one pair per socket' });
  await expect(lanes.getByRole('region', { name: 'Socket #40' })).toBeAttached();
  const box = await pg.getByRole('region', { name: 'Echo traffic' }).boundingBox();
  // 40 sockets' lanes stacked would be over 2,500 px; the view stays about one screen tall.
  expect(box?.height ?? Infinity).toBeLessThan(1_200);
  expect(await lanes.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
  await pg.getByRole('button', { name: 'Stop' }).click();
});
