import { expect, test, type Page } from '@playwright/test';
import { downloadText } from './download-support.ts';
import { join, startRoom } from './workshop-support.ts';

/** Polls for teaching: results hidden until the host reveals them, a right answer, a CSV export. */

test('a hidden poll shows attendees no totals until the host reveals them with the right answer; the host exports it as CSV', async ({ browser }) => {
  test.setTimeout(120_000);
  const host = await startRoom(browser);
  // Names a spreadsheet would misread: a comma and quotes, and one that starts a formula.
  const grace = await join(browser, host.code, 'Grace, "the admiral"');
  const formula = await join(browser, host.code, '=HYPERLINK("x")');

  await host.page.getByLabel('Question').fill('Which opcode is a ping?');
  await host.page.getByLabel('Options, one per line').fill('0x1 text\n0x9 ping\n0xA pong');
  await host.page.getByLabel('Hide the results from attendees until I reveal them').check();
  await host.page.getByLabel('Right answer (option number, optional)').fill('2');
  await host.page.getByRole('button', { name: 'Open poll' }).click();

  const options = (page: Page) => page.getByRole('list', { name: 'Poll options' });
  await options(grace.page).getByRole('button', { name: '0x9 ping' }).click();
  // Ballots are listed in the order they arrived: Grace's is in before the other one votes.
  await expect(grace.page.getByText('0x9 ping (your vote)')).toBeVisible();
  await options(formula.page).getByRole('button', { name: '0xA pong' }).click();
  await expect(host.page.locator('[data-role="poll-summary"]')).toHaveText('2 votes · attendees see the results when you reveal them');
  await expect(options(host.page).getByRole('listitem').filter({ hasText: '0x9 ping (right answer)' })).toContainText('1');

  for (const { page } of [grace, formula]) {
    await expect(page.locator('[data-role="poll-summary"]')).toHaveText('2 votes · the results are shown when the instructor reveals them');
    await expect(page.locator('[data-role="poll-count"]')).toHaveCount(0);
    await expect(options(page)).not.toContainText('right answer');
  }

  await host.page.getByRole('button', { name: 'Reveal results' }).click();
  for (const { page } of [grace, formula]) {
    await expect(page.locator('[data-role="poll-summary"]')).toHaveText('2 votes · closed · results revealed');
    await expect(page.locator('[data-role="poll-count"]')).toHaveText(['0', '1', '1']);
    await expect(options(page).getByRole('listitem').filter({ hasText: 'right answer' })).toContainText('0x9 ping');
  }
  await expect(grace.page.getByText('0x9 ping (your vote) (right answer)')).toBeVisible();

  const csv = await downloadText(host.page, () => host.page.getByRole('button', { name: 'Export results (CSV)' }).click());
  expect(csv.name).toMatch(/^duplex-poll-p\d+\.csv$/);
  expect(csv.text.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
    'question,attendee,answer,right',
    'Which opcode is a ping?,"Grace, ""the admiral""",0x9 ping,yes',
    `Which opcode is a ping?,"'=HYPERLINK(""x"")",0xA pong,no`,
    '',
    'question,option,votes,right',
    'Which opcode is a ping?,0x1 text,0,no',
    'Which opcode is a ping?,0x9 ping,1,yes',
    'Which opcode is a ping?,0xA pong,1,no',
    '',
  ]);
  for (const attendee of [grace, formula]) await attendee.context.close();
  await host.context.close();
});

test('the host exports every poll of the room in one CSV, oldest first, each with its own ballots', async ({ browser }) => {
  test.setTimeout(120_000);
  const host = await startRoom(browser);
  const ada = await join(browser, host.code, 'Ada');
  const options = (page: Page) => page.getByRole('list', { name: 'Poll options' });
  const poll = async (question: string, lines: string, right: string, vote: string) => {
    await host.page.getByLabel('Question').fill(question);
    await host.page.getByLabel('Options, one per line').fill(lines);
    await host.page.getByLabel('Right answer (option number, optional)').fill(right);
    await host.page.getByRole('button', { name: 'Open poll' }).click();
    await options(ada.page).getByRole('button', { name: vote }).click();
    await expect(ada.page.getByText(`${vote} (your vote)`)).toBeVisible();
    await expect(host.page.locator('[data-role="poll-summary"]')).toContainText('1 vote');
  };
  await poll('Which opcode is a ping?', '0x1\n0x9', '2', '0x9');
  await poll('Ready, "really"?', 'yes\nno', '', 'no');

  const csv = await downloadText(host.page, () => host.page.getByRole('button', { name: 'Export all polls (CSV)' }).click());
  expect(csv.name).toBe(`duplex-polls-${host.code}.csv`);
  expect(csv.text.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
    'poll,question,attendee,answer,right',
    'p1,Which opcode is a ping?,Ada,0x9,yes',
    'p2,"Ready, ""really""?",Ada,no,',
    '',
    'poll,question,option,votes,right',
    'p1,Which opcode is a ping?,0x1,0,no',
    'p1,Which opcode is a ping?,0x9,1,yes',
    'p2,"Ready, ""really""?",yes,0,',
    'p2,"Ready, ""really""?",no,1,',
    '',
  ]);
  await ada.context.close();
  await host.context.close();
});
