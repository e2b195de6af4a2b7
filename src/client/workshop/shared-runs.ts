import type { SharedRun } from '../../../protocol/workshop.ts';
import type { TrafficView } from '../playground/traffic/view.ts';
import { el, part } from '../dom.ts';
import { forgetSharedRuns, loadSharedRuns, saveSharedRuns, tabStorage } from './shared-run-store.ts';

/** Shares kept in the console: the newest ones (each is up to WORKSHOP_SHARE_BYTES). */
const kept = 20;

/**
 * The host's shared runs: a list of what attendees chose to share, and the projector panel that
 * replays one (its code, then the traffic view with the replay scrubber and the run's output).
 * Everything in a recording came from an attendee's browser: it is drawn as text only, and the
 * traffic view (lazily loaded, as on a lesson page) draws it the way it draws an imported file.
 * The list survives a reload of the console in this tab's sessionStorage (shared-run-store.ts).
 */
export class SharedRuns {
  #runs: SharedRun[] = [];
  readonly #list: HTMLUListElement;
  readonly #projector: HTMLElement;
  readonly #problem: HTMLElement;
  #code: string | null = null;
  readonly #store = tabStorage();
  #traffic: Promise<TrafficView> | null = null;

  constructor(root: HTMLElement) {
    this.#list = part<HTMLUListElement>(root, '[data-role="shared-list"]');
    this.#projector = part(root, '[data-role="projector"]');
    this.#problem = part(root, '[data-role="shared-problem"]');
  }

  /** The console hosts room `code`: the runs this tab kept for it come back (a damaged one is dropped and said). */
  open(code: string): void {
    if (this.#code === code) return;
    this.#code = code;
    if (!this.#store) return this.#say(['This browser gives this page no storage: shared runs will not survive a reload of the console.']);
    const { runs, dropped } = loadSharedRuns(this.#store, code);
    this.#runs = runs.slice(0, kept);
    this.#say(dropped);
    if (dropped.length > 0) saveSharedRuns(this.#store, code, this.#runs);
    this.#draw();
  }

  add(run: SharedRun): void {
    this.#runs.unshift(run);
    this.#runs.splice(kept);
    if (this.#store && this.#code) {
      const left = saveSharedRuns(this.#store, this.#code, this.#runs);
      this.#say(left > 0 ? [`This tab's storage is full: the ${left} oldest shared runs will not survive a reload of this page.`] : []);
    }
    this.#draw();
  }

  /** The room ended: its runs stay on screen until the page goes, but leave the tab's storage. */
  forget(): void {
    if (this.#store && this.#code) forgetSharedRuns(this.#store, this.#code);
  }

  #say(lines: string[]): void {
    this.#problem.hidden = lines.length === 0;
    this.#problem.textContent = lines.join(' ');
  }

  #draw(): void {
    this.#list.replaceChildren(
      ...this.#runs.map((shared) => {
        const show = el('button', { type: 'button', className: 'duplex-control ws-small', ariaLabel: `Show ${shared.from.name}’s run` }, 'Show');
        show.addEventListener('click', () => void this.show(shared));
        const { frames } = shared.recording;
        return el('li', {}, el('span', { className: 'ws-name' }, shared.from.name), ` shared a run at ${new Date(shared.at).toLocaleTimeString()} (${frames.length} frames) `, show);
      }),
    );
  }

  async show(run: SharedRun): Promise<void> {
    this.#projector.hidden = false;
    part(this.#projector, '[data-role="projector-title"]').textContent = `${run.from.name}’s run`;
    part(this.#projector, '[data-role="projector-code"]').textContent = run.recording.code;
    this.#traffic ??= import('../playground/traffic/view.ts').then(({ TrafficView }) => new TrafficView(part(this.#projector, '[data-role="projector-traffic"]'), () => undefined));
    (await this.#traffic).showRecording(run.recording);
    this.#projector.scrollIntoView({ block: 'start' });
  }
}
