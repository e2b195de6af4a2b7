import { expect, test, type Page } from '@playwright/test';
import { lessons } from './collection.ts';
import { editorReady } from './editor-support.ts';

/**
 * Every slide of every lesson fits one projector screen (1280×720) above the control bar at a
 * readable scale: the deck scales a slide down to fit, never below one half, so a slide that still
 * overflows at one half is a slide cut too long. Walks the real decks as a presenter would.
 */
test.use({ viewport: { width: 1280, height: 720 } });

const position = (page: Page) => page.getByRole('navigation', { name: 'Slides' }).locator('[data-role="position"]');

for (const lesson of lessons) {
  test(`every slide of "${lesson}" fits 1280×720 above the control bar at half size or more`, async ({ page }) => {
    await page.goto(`/present/${lesson}/`);
    await expect(position(page)).toHaveText(/^1 \/ \d+$/);
    const count = Number((await position(page).textContent())?.split('/')[1]);
    const misfits: string[] = [];
    for (let slide = 1; slide <= count; slide++) {
      if (slide > 1) await page.keyboard.press('ArrowRight');
      await expect(position(page)).toHaveText(`${slide} / ${count}`);
      const fit = await page.locator('[data-role="stage"]').evaluate((stage) => {
        const bar = document.querySelector('nav[aria-label="Slides"]')!.getBoundingClientRect();
        return {
          zoom: Number(stage.dataset.zoom),
          tooTall: stage.scrollHeight - stage.clientHeight,
          tooWide: stage.scrollWidth - stage.clientWidth,
          underBar: stage.getBoundingClientRect().bottom - bar.top,
        };
      });
      if (!(fit.zoom >= 0.5) || fit.tooTall > 1 || fit.tooWide > 1 || fit.underBar > 1) misfits.push(`slide ${slide}: zoom ${fit.zoom}, ${fit.tooTall} px too tall, ${fit.tooWide} px too wide, ${fit.underBar} px under the bar`);
    }
    expect(misfits).toEqual([]);
  });
}

test('the first slide of the first lesson, taller than the screen, is scaled rather than cut', async ({ page }) => {
  await page.goto('/present/what-is-a-websocket/#1');
  await expect(page.locator('[data-role="stage"]')).toHaveAttribute('data-zoom', /^0\.\d+$/);
});

test('the editor in a scaled slide puts the cursor where it is clicked and types there', async ({ page }) => {
  await page.goto('/present/browser-api/');
  const playground = page.locator('duplex-playground').filter({ has: page.getByText('readyState and bufferedAmount', { exact: true }) });
  while (!(await playground.isVisible())) await page.keyboard.press('ArrowRight');
  // The slide is drawn smaller than its layout: the case where mouse positions could be mapped wrong.
  const zoom = Number(await page.locator('[data-role="stage"]').getAttribute('data-zoom'));
  expect(zoom).toBeLessThan(0.95);
  await playground.getByRole('button', { name: 'Edit' }).click();
  const editor = playground.locator('.monaco-editor');
  await expect(editor).toBeVisible(editorReady);
  const line = (text: string) => editor.locator('.view-line').filter({ hasText: text });
  // Where a word is drawn on screen (the slide's scale included), measured from its text.
  const wordBox = (text: string, word: string) =>
    line(text).evaluate((view, word) => {
      const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(word) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + word.length);
        const { x, y, width, height } = range.getBoundingClientRect();
        return { x, y, width, height };
      }
      throw new Error(`"${word}" is not on the line`);
    }, word);
  // The editor's arrival changes the slide's height, so the slide is fitted again: aim once the
  // word has stopped moving (the same box twice in a row), as a person would.
  const settledBox = async (text: string, word: string) => {
    let last: Awaited<ReturnType<typeof wordBox>> | undefined;
    await expect
      .poll(async () => {
        const now = await wordBox(text, word);
        const still = last !== undefined && now.x === last.x && now.y === last.y && now.width === last.width;
        last = now;
        return still;
      })
      .toBe(true);
    return last!;
  };
  // The first pixel of the word, then its last: the cursor goes before it, then after it.
  let box = await settledBox("socket.binaryType = 'arraybuffer';", 'binaryType');
  await page.mouse.click(box.x + 1, box.y + box.height / 2);
  await expect(editor.getByRole('textbox')).toBeFocused();
  await page.keyboard.type('X');
  await expect(line("socket.XbinaryType = 'arraybuffer';")).toHaveCount(1);
  box = await settledBox("socket.XbinaryType = 'arraybuffer';", 'XbinaryType');
  await page.mouse.click(box.x + box.width - 1, box.y + box.height / 2);
  await page.keyboard.type('Y');
  await expect(line("socket.XbinaryTypeY = 'arraybuffer';")).toHaveCount(1);
});
