import * as z from 'zod/mini';

/** The page's `data-lesson-titles`: slug → title, written at build time from the course. */
const Titles = z.record(z.string(), z.string());

/**
 * The room's location names a lesson by its slug (the wire contract); people read its title.
 * A slug the page does not know (a lesson added after this page was built) is shown as is.
 */
export function lessonTitles(root: HTMLElement): (slug: string) => string {
  let parsed: unknown = {};
  try {
    parsed = JSON.parse(root.dataset.lessonTitles ?? '{}');
  } catch {
    // a malformed attribute is a build bug: fall back to slugs rather than break the page
  }
  const result = Titles.safeParse(parsed);
  const titles = result.success ? result.data : {};
  return (slug) => titles[slug] ?? slug;
}
