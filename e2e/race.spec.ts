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
