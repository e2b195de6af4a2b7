import type { InspectCommand } from '../../../../protocol/inspect.ts';
import { el } from '../../dom.ts';

/**
 * Faults on demand: drop the connection, take the server away for a few seconds, add latency.
 * They act on the server through the run's inspect links, for this run's connections only.
 */
export class FaultControls {
  readonly element: HTMLElement;
  readonly #controls: Array<HTMLButtonElement | HTMLSelectElement>;

  constructor(onFault: (command: InspectCommand) => void) {
    const drop = el('button', { type: 'button', className: 'duplex-control' }, 'Drop connection');
    drop.addEventListener('click', () => onFault({ type: 'drop' }));
    const outageSeconds = el('select', { ariaLabel: 'Outage length' }, ...[3, 5, 10].map((s) => el('option', { value: String(s) }, `${s} s`)));
    const outage = el('button', { type: 'button', className: 'duplex-control' }, 'Take server away');
    outage.addEventListener('click', () => onFault({ type: 'outage', seconds: Number(outageSeconds.value) }));
    const latency = el('select', {}, ...[0, 100, 300, 1000].map((ms) => el('option', { value: String(ms) }, `${ms} ms`)));
    latency.addEventListener('change', () => onFault({ type: 'latency', ms: Number(latency.value) }));
    this.#controls = [drop, outageSeconds, outage, latency];
    this.element = el('div', { className: 'pg-faults', role: 'group', ariaLabel: 'Faults on demand' }, drop, outageSeconds, outage, el('label', {}, 'Latency ', latency));
    this.setLive(false);
  }

  /** Faults work only while a run's sockets exist. */
  setLive(live: boolean): void {
    for (const control of this.#controls) control.disabled = !live;
  }
}
