import type { WorkshopServerMessage } from '../../../protocol/workshop.ts';
import type { TrafficView } from '../playground/traffic/view.ts';
import { el, part } from '../dom.ts';

type SharedRun = Extract<WorkshopServerMessage, { type: 'shared-run' }>;

/** Shares kept in the console: the newest ones (each is up to WORKSHOP_SHARE_BYTES). */
const kept = 20;

/**
 * The host's shared runs: a list of what attendees chose to share, and the projector panel that
 * replays one (its code, then the traffic view with the replay scrubber and the run's output).
 * Everything in a recording came from an attendee's browser: it is drawn as text only, and the
 * traffic view (lazily loaded, as on a lesson page) draws it the way it draws an imported file.
 */
export class SharedRuns {
  readonly #runs: SharedRun[] = [];
  readonly #list: HTMLUListElement;
  readonly #projector: HTMLElement;
  #traffic: Promise<TrafficView> | null = null;

  constructor(root: HTMLElement) {
    this.#list = part<HTMLUListElement>(root, '[data-role="shared-list"]');
    this.#projector = part(root, '[data-role="projector"]');
  }

  add(run: SharedRun): void {
    this.#runs.unshift(run);
    this.#runs.splice(kept);
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
