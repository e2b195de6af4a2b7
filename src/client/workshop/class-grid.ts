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
 * The host's class grid: one row per attendee, a column per recent exercise (older ones summed
 * up), link health, stuck rows marked in words and colour, counts on top. Reports arrive in
 * bursts (500 attendees every 2 s), so rows are only marked dirty and redrawn once per animation
 * frame; a row's cells are rebuilt only when that attendee changed or the columns did.
 */
export class ClassGrid {
  readonly #attendees = new Map<string, Attendee>();
  readonly #rows = new Map<string, HTMLTableRowElement>();
  readonly #dirty = new Set<string>();
  /** Exercises the host pushed, with when: a column starts when the exercise does. */
  readonly #known = new Map<string, number>();
  readonly #titles = new Map<string, string>();
  readonly #body: HTMLTableSectionElement;
  readonly #head: HTMLTableRowElement;
  readonly #counts: HTMLElement;
  readonly #minutes: HTMLInputElement;
  #columns: string[] = [];
  #frame = 0;

  constructor(root: HTMLElement) {
    this.#counts = part(root, '[data-role="class-counts"]');
    this.#minutes = part<HTMLInputElement>(root, '[data-role="stuck-minutes"]');
    this.#minutes.addEventListener('change', () => this.#redrawAll());
    this.#head = el('tr');
    this.#body = el('tbody');
    part(root, '[data-role="class-grid"]').replaceChildren(el('table', { className: 'ws-class-grid' }, el('caption', {}, 'Class progress'), el('thead', {}, this.#head), this.#body));
    setInterval(() => this.#redrawAll(), recheckMs);
  }

  reset(attendees: readonly Attendee[]): void {
    this.#attendees.clear();
    this.#rows.clear();
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
      this.#head.replaceChildren(
        el('th', { scope: 'col' }, 'Attendee'),
        el('th', { scope: 'col' }, 'Link'),
        ...columns.slice(0, shownExercises).map((id) => el('th', { scope: 'col' }, this.#titles.get(id) ?? id)),
        ...(columns.length > shownExercises ? [el('th', { scope: 'col' }, 'Earlier')] : []),
      );
      for (const id of this.#attendees.keys()) this.#dirty.add(id);
    }
    const now = Date.now();
    for (const id of this.#dirty) this.#drawRow(id, now);
    this.#dirty.clear();
    this.#drawCounts();
  }

  #drawRow(id: string, now: number): void {
    const attendee = this.#attendees.get(id);
    if (!attendee) return;
    let row = this.#rows.get(id);
    if (!row) {
      row = el('tr', { dataset: { attendeeId: id } });
      this.#rows.set(id, row);
      this.#body.append(row);
    }
    const current = this.#columns[0];
    const stuck = isStuck(attendee, current, current === undefined ? now : (this.#known.get(current) ?? now), now, this.#rule());
    row.toggleAttribute('data-stuck', stuck);
    row.dataset.state = attendee.state;
    const earlier = this.#columns.slice(shownExercises);
    const earlierPassed = earlier.filter((exercise) => progressOf(attendee, exercise)?.state === 'passed').length;
    row.replaceChildren(
      el('th', { scope: 'row' }, attendee.name, stuck ? el('span', { className: 'ws-stuck' }, ' stuck') : null),
      el('td', { dataset: { weak: String(weakLink(attendee)) } }, describeLinkHealth(attendee)),
      ...this.#columns.slice(0, shownExercises).map((exercise) => {
        const progress = progressOf(attendee, exercise);
        const state = cellState(progress);
        return el('td', { dataset: { cell: state } }, cellWords[state], progress?.error ? el('span', { className: 'ws-error-line' }, `: ${progress.error}`) : null);
      }),
      ...(earlier.length > 0 ? [el('td', {}, `${earlierPassed} of ${earlier.length} passed`)] : []),
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
