import type { Attendee, LinkHealth } from '../../../protocol/workshop.ts';
import { el, part } from '../dom.ts';
import {
  cellState,
  countExercise,
  defaultStuckRule,
  describeLinkHealth,
  exerciseColumns,
  isStuck,
  progressOf,
  shownExercises,
  weakLink,
  type CellState,
} from './class-status.ts';

const cellWords: Record<CellState, string> = { 'not-started': 'not started', running: 'running', error: 'error', passed: 'passed' };
/** Stuck depends on the clock too: re-checked this often even when nobody reports. */
const recheckMs = 15_000;
/**
 * Rows drawn per animation frame stop after this much work; the rest wait for the next frame.
 * A full room reports hundreds of rows at once, and on a busy laptop one frame drawing them all
 * would freeze the console: slicing keeps every task short, and a row only waits a frame or two.
 */
const frameBudgetMs = 8;

/**
 * The host's class grid: one row per attendee, a column per recent exercise (older ones summed
 * up), link health, stuck rows marked in words and colour, counts on top. Reports arrive in
 * bursts (500 attendees every 2 s), so rows are only marked dirty and redrawn once per animation
 * frame; a row's cells are rebuilt only when that attendee changed or the columns did.
 */
export class ClassGrid {
  readonly #attendees = new Map<string, Attendee>();
  readonly #rows = new Map<string, HTMLDivElement>();
  /** What each row shows, as one string: a redraw that would change nothing is skipped. */
  readonly #drawn = new Map<string, string>();
  readonly #dirty = new Set<string>();
  /** Exercises the host pushed, with when: a column starts when the exercise does. */
  readonly #known = new Map<string, number>();
  readonly #titles = new Map<string, string>();
  readonly #body: HTMLDivElement;
  readonly #head: HTMLDivElement;
  readonly #table: HTMLDivElement;
  readonly #counts: HTMLElement;
  readonly #minutes: HTMLInputElement;
  #columns: string[] = [];
  #frame = 0;

  constructor(root: HTMLElement) {
    this.#counts = part(root, '[data-role="class-counts"]');
    this.#minutes = part<HTMLInputElement>(root, '[data-role="stuck-minutes"]');
    this.#minutes.addEventListener('change', () => this.#redrawAll());
    // A table in ARIA roles over CSS grid rows, not <table>: each row is then its own layout
    // box, so rows off screen are skipped (content-visibility) and a changed row re-lays out
    // alone, where a 500-row <table> re-measured every row on every report (bench/workshop-class.ts).
    this.#head = el('div', { role: 'row' });
    this.#body = el('div', { role: 'rowgroup', dataset: { role: 'class-rows' } });
    const caption = el('p', { className: 'ws-class-caption', id: 'class-grid-caption' }, 'Class progress');
    this.#table = el('div', { className: 'ws-class-grid', role: 'table' }, el('div', { role: 'rowgroup', className: 'ws-class-head' }, this.#head), this.#body);
    this.#table.setAttribute('aria-labelledby', caption.id);
    part(root, '[data-role="class-grid"]').replaceChildren(caption, this.#table);
    setInterval(() => this.#redrawAll(), recheckMs);
  }

  reset(attendees: readonly Attendee[]): void {
    this.#attendees.clear();
    this.#rows.clear();
    this.#drawn.clear();
    this.#body.replaceChildren();
    for (const attendee of attendees) this.update(attendee);
  }

  /** The host pushed an exercise (a snippet): it gets a column, titled. */
  exercise(id: string, title: string, at: number): void {
    this.#known.set(id, at);
    this.#titles.set(id, title);
    this.#redrawAll();
  }

  update(attendee: Attendee): void {
    this.#attendees.set(attendee.id, attendee);
    this.#mark(attendee.id);
  }

  links(links: ReadonlyArray<{ id: string; link: LinkHealth }>): void {
    for (const { id, link } of links) {
      const attendee = this.#attendees.get(id);
      if (!attendee) continue;
      this.#attendees.set(id, { ...attendee, link });
      this.#mark(id);
    }
  }

  #mark(id: string): void {
    this.#dirty.add(id);
    this.#frame ||= requestAnimationFrame(() => this.#flush());
  }

  #redrawAll(): void {
    for (const id of this.#attendees.keys()) this.#mark(id);
  }

  #flush(): void {
    this.#frame = 0;
    const columns = exerciseColumns(this.#attendees.values(), this.#known);
    if (columns.join() !== this.#columns.join()) {
      this.#columns = columns;
      const heading = (text: string) => el('div', { role: 'columnheader' }, text);
      const exercises = columns.slice(0, shownExercises);
      this.#head.replaceChildren(
        heading('Attendee'),
        heading('Link'),
        ...exercises.map((id) => heading(this.#titles.get(id) ?? id)),
        ...(columns.length > shownExercises ? [heading('Earlier')] : []),
      );
      this.#table.style.setProperty('--ws-class-columns', String(exercises.length + (columns.length > shownExercises ? 1 : 0)));
      for (const id of this.#attendees.keys()) this.#dirty.add(id);
      this.#drawn.clear();
    }
    const now = Date.now();
    const started = performance.now();
    for (const id of this.#dirty) {
      this.#drawRow(id, now);
      this.#dirty.delete(id);
      if (performance.now() - started > frameBudgetMs) break;
    }
    this.#drawCounts();
    if (this.#dirty.size > 0) this.#frame = requestAnimationFrame(() => this.#flush());
  }

  #drawRow(id: string, now: number): void {
    const attendee = this.#attendees.get(id);
    if (!attendee) return;
    let row = this.#rows.get(id);
    if (!row) {
      row = el('div', { role: 'row', dataset: { attendeeId: id } });
      this.#rows.set(id, row);
      this.#body.append(row);
    }
    const current = this.#columns[0];
    const stuck = isStuck(attendee, current, current === undefined ? now : (this.#known.get(current) ?? now), now, this.#rule());
    const earlier = this.#columns.slice(shownExercises);
    const earlierPassed = earlier.filter((exercise) => progressOf(attendee, exercise)?.state === 'passed').length;
    const cells = this.#columns.slice(0, shownExercises).map((exercise) => {
      const progress = progressOf(attendee, exercise);
      return { state: cellState(progress), error: progress?.error };
    });
    const link = describeLinkHealth(attendee);
    const weak = weakLink(attendee);
    const shown = JSON.stringify([attendee.name, attendee.state, stuck, link, weak, cells, earlierPassed]);
    if (this.#drawn.get(id) === shown) return;
    this.#drawn.set(id, shown);
    row.toggleAttribute('data-stuck', stuck);
    row.dataset.state = attendee.state;
    row.replaceChildren(
      el('div', { role: 'rowheader' }, attendee.name, stuck ? el('span', { className: 'ws-stuck' }, ' stuck') : null),
      el('div', { role: 'cell', dataset: { weak: String(weak) } }, link),
      ...cells.map(({ state, error }) => el('div', { role: 'cell', dataset: { cell: state }, title: error ?? '' }, cellWords[state], error ? el('span', { className: 'ws-error-line' }, `: ${error}`) : null)),
      ...(earlier.length > 0 ? [el('div', { role: 'cell' }, `${earlierPassed} of ${earlier.length} passed`)] : []),
    );
  }

  #drawCounts(): void {
    const current = this.#columns[0];
    if (current === undefined) {
      this.#counts.textContent = 'No exercise yet: push a snippet, and each attendee’s runs show here.';
      return;
    }
    const counts = countExercise(this.#attendees.values(), current);
    const now = Date.now();
    const since = this.#known.get(current) ?? now;
    const stuck = [...this.#attendees.values()].filter((a) => isStuck(a, current, since, now, this.#rule())).length;
    const text = `${this.#titles.get(current) ?? current}: ${counts.passed} of ${counts.present} passed · ${counts.error} with an error · ${counts.running} running · ${counts.notStarted} not started · ${stuck} stuck`;
    if (this.#counts.textContent !== text) this.#counts.textContent = text;
  }

  #rule() {
    const minutes = Number(this.#minutes.value);
    return { ...defaultStuckRule, minutes: Number.isFinite(minutes) && minutes > 0 ? minutes : defaultStuckRule.minutes };
  }
}
