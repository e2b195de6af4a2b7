import type { InspectCommand } from '../../../../protocol/inspect.ts';
import { el } from '../../dom.ts';
import { firstUse } from './faults-explained.ts';

/** One line per fault: what the server does and what the learner's code will see. */
export const faultExplanations = {
  drop: 'Drop connection: the server cuts the TCP connection with no close frame; your socket sees 1006 and reconnects.',
  outage: 'Take server away: the connection is cut and the server refuses to reconnect for the chosen seconds; watch the retries back off.',
  blackhole: 'Blackhole the link: nothing moves either way and nobody is told (half-open); only a heartbeat that goes unanswered finds out.',
  latency: 'Latency: the server waits this long before each message it sends, so every echo arrives that much later.',
} as const;

/**
 * Faults on demand: drop the connection, take the server away for a few seconds, blackhole the
 * link (half-open: nothing moves either way and nobody is told, so only heartbeats find out),
 * add latency. Each control carries its one-line explanation as a tooltip, and the first use of
 * each in this browser shows that line under the buttons, so a learner who presses it knows what
 * just happened and why; later uses leave the line empty (never another fault's stale words).
 * They act on the server through the run's inspect links, for this run's connections only.
 */
export class FaultControls {
  readonly element: HTMLElement;
  readonly #controls: Array<HTMLButtonElement | HTMLSelectElement>;
  /** Announced when it changes, but not a second role=status: the playground's one status is its connection state. */
  readonly #explanation = el('p', { className: 'pg-fault-explain', ariaLive: 'polite' });

  constructor(onFault: (command: InspectCommand) => void) {
    const use = (fault: keyof typeof faultExplanations, command: InspectCommand) => {
      this.#explanation.textContent = firstUse(localStorage, fault) ? faultExplanations[fault] : '';
      onFault(command);
    };
    const drop = el('button', { type: 'button', className: 'duplex-control', title: faultExplanations.drop }, 'Drop connection');
    drop.addEventListener('click', () => use('drop', { type: 'drop' }));
    const outageSeconds = el('select', { ariaLabel: 'Outage length' }, ...[3, 5, 10].map((s) => el('option', { value: String(s) }, `${s} s`)));
    const outage = el('button', { type: 'button', className: 'duplex-control', title: faultExplanations.outage }, 'Take server away');
    outage.addEventListener('click', () => use('outage', { type: 'outage', seconds: Number(outageSeconds.value) }));
    const blackhole = el('button', { type: 'button', className: 'duplex-control', title: faultExplanations.blackhole }, 'Blackhole the link');
    blackhole.addEventListener('click', () => use('blackhole', { type: 'blackhole' }));
    const latency = el('select', { title: faultExplanations.latency }, ...[0, 100, 300, 1000].map((ms) => el('option', { value: String(ms) }, `${ms} ms`)));
    latency.addEventListener('change', () => use('latency', { type: 'latency', ms: Number(latency.value) }));
    this.#controls = [drop, outageSeconds, outage, blackhole, latency];
    this.element = el(
      'div',
      { className: 'pg-faults', role: 'group', ariaLabel: 'Faults on demand' },
      drop,
      outageSeconds,
      outage,
      blackhole,
      el('label', {}, 'Latency ', latency),
      this.#explanation,
    );
    this.setLive(false);
  }

  /** Faults work only while a run's sockets exist. */
  setLive(live: boolean): void {
    for (const control of this.#controls) control.disabled = !live;
  }
}
