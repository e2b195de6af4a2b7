/**
 * A lesson as slides, without moving any node (moving a <duplex-playground> would reconnect it
 * and bind its buttons twice): each top-level element of the lesson gets the number of the
 * section it belongs to, and showing slide N hides every element of another section.
 * Slide 1 is the title and the introduction; every `##` or `###` heading starts the next slide,
 * and so does every further live block (a playground, an exercise, the race, a live demo) of a
 * section, taking the prose just before it along. The title slide (title, summary, objectives) is
 * most of a screen already, so a live block in the introduction goes to a slide of its own. One
 * live block per slide keeps a slide within one screen at a readable scale, and the split depends
 * only on the lesson, never on a screen's size, so the host and every attendee count the same
 * slides.
 * The slide number lives in the URL hash (#3), so a link, the back button and follow-me all work.
 * Speaker notes are `<aside class="speaker-notes" hidden>` in the lesson: hidden on the lesson
 * page and on the slides, shown in the speaker view.
 */
export class SlideDeck {
  readonly #items: { element: HTMLElement; slide: number }[] = [];
  readonly #notes = new Map<number, string[]>();
  readonly #titles: string[] = [];
  readonly count: number;
  #current = 0;
  readonly #onShow: (slide: number) => void;

  constructor(title: HTMLElement, content: HTMLElement, onShow: (slide: number) => void) {
    this.#onShow = onShow;
    this.#items.push({ element: title, slide: 1 });
    this.#titles.push(title.querySelector('h1')?.textContent ?? '');
    let slide = 1;
    let section = this.#titles[0] ?? '';
    /** Whether the current slide holds a live block (or the title) yet, and the prose since the last one. */
    let hasRunnable = true;
    let prose: { element: HTMLElement; slide: number }[] = [];
    for (const element of content.children) {
      if (!(element instanceof HTMLElement)) continue;
      if (element.classList.contains('speaker-notes')) {
        this.#notes.set(slide, [...(this.#notes.get(slide) ?? []), element.textContent?.trim() ?? '']);
        continue;
      }
      const heading = sectionHeading(element);
      const item = { element, slide };
      if (heading) {
        slide++;
        section = heading.textContent?.trim() ?? '';
        this.#titles.push(section);
        [hasRunnable, prose] = [isRunnable(element), []];
        item.slide = slide;
      } else if (isRunnable(element)) {
        if (hasRunnable) {
          slide++;
          this.#titles.push(`${section} (continued)`);
          for (const before of prose) before.slide = slide;
          item.slide = slide;
        }
        [hasRunnable, prose] = [true, []];
      } else prose.push(item);
      this.#items.push(item);
    }
    this.count = slide;
  }

  /** Shows the slide the URL names and keeps following the hash. */
  start(): void {
    window.addEventListener('hashchange', () => this.show(slideFromHash()));
    this.show(slideFromHash());
  }

  get current(): number {
    return this.#current;
  }

  /** The heading a slide starts with (the lesson title for slide 1). */
  titleOf(slide: number): string | undefined {
    return this.#titles[slide - 1];
  }

  notesOf(slide: number): readonly string[] {
    return this.#notes.get(slide) ?? [];
  }

  show(slide: number): void {
    const target = Math.min(Math.max(1, slide), this.count);
    if (location.hash !== `#${target}`) history.replaceState(null, '', `#${target}`);
    if (target === this.#current) return;
    this.#current = target;
    for (const { element, slide: own } of this.#items) element.hidden = own !== target;
    this.#onShow(target);
  }

  /** Arrow keys and Page Up/Down move between slides, except while typing in a field or the editor. */
  bindKeys(): void {
    document.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement | null;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (target?.closest('input, textarea, select, [contenteditable="true"], .monaco-editor')) return;
      const moves: Record<string, number> = { ArrowRight: this.#current + 1, PageDown: this.#current + 1, ArrowLeft: this.#current - 1, PageUp: this.#current - 1, Home: 1, End: this.count };
      const next = moves[event.key];
      if (next === undefined) return;
      event.preventDefault();
      this.show(next);
    });
  }
}

/** The `##` or `###` heading that starts a slide, if this element is (or wraps) one. */
function sectionHeading(element: HTMLElement): HTMLElement | null {
  // Starlight wraps headings in a div with an anchor link; plain Markdown output does not. An
  // exercise of its own section is a <section> that starts with its `##`; one inside a section
  // starts with a `###` and is a live block of that section, not a heading.
  if (element.matches('h2, h3')) return element;
  const wrapped = element.classList.contains('sl-heading-wrapper') ? ':scope > h2, :scope > h3' : ':scope > h2';
  return element.querySelector<HTMLElement>(wrapped);
}

/** A live block: each is most of a screen, so a slide holds one. */
const runnable = 'duplex-playground, section.exercise, duplex-race, duplex-wire-inspector, duplex-origin-demo';
function isRunnable(element: HTMLElement): boolean {
  return element.matches(runnable) || element.querySelector(runnable) !== null;
}

function slideFromHash(): number {
  const value = Number.parseInt(location.hash.slice(1), 10);
  return Number.isFinite(value) && value > 0 ? value : 1;
}
