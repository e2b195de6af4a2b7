import { expect, type Page } from '@playwright/test';

/**
 * Runs both scaling demos of the open lesson page as a reader does: a message each way, then
 * "Stop instance B". With offsets client 2 resumes on A holding everything client 1 saw; with
 * plain pub/sub it misses the three lines said while it moved. `where` is how the demo describes
 * where instance B runs.
 */
export async function stopInstanceB(page: Page, where: string | RegExp): Promise<void> {
  for (const [label, expected] of [
    ['Scaling demo with a log and offsets', 'Client 2 has all 6 messages client 1 saw.'],
    ['Scaling demo with plain pub/sub', 'Client 2 is missing 3 of the 6 messages client 1 saw.'],
  ] as const) {
    const demo = page.getByRole('group', { name: label });
    await demo.scrollIntoViewIfNeeded(); // its two sockets open when the reader gets there
    const one = demo.getByRole('region', { name: 'Client 1' });
    const two = demo.getByRole('region', { name: 'Client 2' });
    await expect(one.getByText('connected to instance A')).toBeVisible();
    await expect(two.getByText('connected to instance B')).toBeVisible();
    await expect(demo.getByText(where)).toBeVisible();
    await demo.getByRole('button', { name: 'Send from client 1' }).click();
    await expect(two.getByRole('list').getByRole('listitem')).toHaveCount(1);
    await demo.getByRole('button', { name: 'Send from client 2' }).click();
    await expect(one.getByRole('list').getByRole('listitem').last()).toContainText(/via B → received on A hello from client 2/);
    await demo.getByRole('button', { name: 'Stop instance B' }).click();
    await expect(two.getByText('connected to instance A')).toBeVisible();
    await expect(one.getByRole('list').getByRole('listitem')).toHaveCount(5);
    await demo.getByRole('button', { name: 'Send from client 2' }).click();
    await expect(two.getByRole('list').getByRole('listitem').last()).toContainText(/via A → received on A hello from client 2/);
    await expect(one.getByRole('list').getByRole('listitem')).toHaveCount(6);
    await expect(demo.getByRole('status')).toHaveText(expected);
  }
}
