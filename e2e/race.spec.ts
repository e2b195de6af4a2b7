import { expect, test } from '@playwright/test';

test('the race runs all four transports on one feed and shows latency, requests and bytes the server counted', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/lessons/the-race/');
  const race = page.locator('duplex-race');
  await expect(race).toHaveAttribute('data-ready', '');
  await race.getByLabel('Short-polling interval').selectOption('500');
  await race.getByRole('button', { name: 'Start the race' }).click();
  const results = race.getByRole('table', { name: /Measured on this run/ });
  // Every transport has delivered at least three events (the feed publishes one a second).
  for (const transport of ['Short polling', 'Long polling', 'Server-Sent Events', 'WebSocket']) {
    await expect(results.getByRole('row', { name: new RegExp(`^${transport} ([3-9]|\\d\\d+) `) })).toBeVisible({ timeout: 20_000 });
  }
  await race.getByRole('button', { name: 'Stop the race' }).click();
  await expect(race.getByRole('status')).toHaveText(/^Finished/);
  const websocket = results.getByRole('row', { name: /^WebSocket / });
  const shortPolling = results.getByRole('row', { name: /^Short polling / });
  const perEvent = async (row: typeof websocket) => Number((await row.getByRole('cell').last().textContent())?.replace(/,/g, ''));
  // A short poll every 0.5 s pays full HTTP exchanges for empty answers; the WebSocket a few bytes per event.
  expect(await perEvent(shortPolling)).toBeGreaterThan(5 * (await perEvent(websocket)));
  const scale = race.getByRole('table', { name: /Bandwidth if every client received one event per second/ });
  await expect(scale.getByRole('row', { name: /^WebSocket \(measured, [\d,]+ B per event\)/ })).toBeVisible();
  await expect(scale.getByRole('row', { name: 'Polling, Lubbers & Greco 2010 (871 B of headers) 6.6 Mbps 66 Mbps 665 Mbps' })).toBeVisible();
  await expect(scale.getByRole('row', { name: 'WebSocket, Lubbers & Greco 2010 (2 B of framing) 0.015 Mbps 0.15 Mbps 1.5 Mbps' })).toBeVisible();
  await expect(race.getByRole('img', { name: /^Delivery latency per event\. Median: Short polling \d+ ms/ })).toBeVisible();
});

test('before the start the race says it is ready, the lesson names its button as it reads, and the chart grows from the left on round ticks', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/lessons/the-race/');
  const race = page.locator('duplex-race');
  // Script and server are both there: the static "Needs JavaScript and the Duplex server" is gone.
  await race.scrollIntoViewIfNeeded(); // it asks the server only once the reader gets there
  await expect(race.getByRole('status')).toHaveText('Ready: press Start the race.');
  const button = race.getByRole('button', { name: 'Start the race' });
  await expect(page.getByRole('main').getByText(/^Press Start the race\. For 30 seconds/)).toBeVisible();
  await button.click();
  const results = race.getByRole('table', { name: /Measured on this run/ });
  await expect(results.getByRole('row', { name: /^WebSocket ([3-9]|\d\d+) / })).toBeVisible({ timeout: 20_000 });
  await race.getByRole('button', { name: 'Stop the race' }).click();
  await expect(race.getByRole('status')).toHaveText(/^Finished/);
  const chart = race.getByRole('img', { name: /^Delivery latency per event/ });
  const ticks = (await chart.locator('text').allTextContents()).filter((text) => /^\d+$/.test(text)).map(Number);
  expect(ticks[0]).toBe(0);
  const step = ticks[1]! - ticks[0]!;
  expect(ticks).toEqual(ticks.map((_, i) => i * step));
  expect([1, 2, 5]).toContain(step / 10 ** Math.floor(Math.log10(step)));
  // Every line starts at the race's first event, on the y axis (x = 44 in the chart's own units).
  const starts = await chart.locator('polyline').evaluateAll((lines) => lines.map((line) => Number(line.getAttribute('points')?.split(',')[0])));
  expect(starts.length).toBe(4);
  expect(Math.min(...starts)).toBe(44);
});

test('on a phone the chart keeps its labels readable: drawn at its own width, not a desktop chart shrunk', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/lessons/the-race/');
  const race = page.locator('duplex-race');
  await race.scrollIntoViewIfNeeded(); // it asks the server only once the reader gets there
  await expect(race.getByRole('status')).toHaveText('Ready: press Start the race.');
  await race.getByRole('button', { name: 'Start the race' }).click();
  await expect(race.getByRole('table', { name: /Measured on this run/ }).getByRole('row', { name: /^WebSocket [1-9]/ })).toBeVisible({ timeout: 20_000 });
  await race.getByRole('button', { name: 'Stop the race' }).click();
  await expect(race.getByRole('status')).toHaveText(/^Finished/);
  const caption = race.getByRole('img', { name: /^Delivery latency per event/ }).getByText('latency, ms');
  // The labels are 11 px text: on screen their box is at least that tall (it was 7 px). Polled:
  // the chart is redrawn (new elements) as the last deliveries come in.
  await expect.poll(async () => (await caption.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(11);
});
