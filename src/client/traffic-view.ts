import type { InspectCommand } from '../../playground-server/protocol/inspect.ts';
import type { RunEvent } from './run-protocol.ts';
import { TrafficModel, allDirections, allOpcodes, matchesFilter, type Direction, type Frame, type Opcode } from './traffic-model.ts';
import { el } from './dom.ts';

/** Timeline scale: 100 px per second, so a lane shows the last several seconds. */
const pxPerMs = 0.1;
/** A frame on localhost takes far less than a pixel; it is drawn at least this wide. */
const minSpanPx = 4;
/** Marks kept per lane: older ones have long scrolled out of view. */
const laneMarkLimit = 300;

const arrows: Record<Direction, string> = { up: '↑', down: '↓' };
const laneNames: Record<Direction, string> = { up: 'client → server', down: 'server → client' };

interface LanePair {
  tracks: Record<Direction, HTMLOListElement>;
  heading: HTMLElement;
}

interface Drawn {
  row: HTMLLIElement;
  mark?: HTMLLIElement;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

/**
 * The live timeline: per socket, one lane client→server and one server→client, each frame drawn
 * from when it left to when it arrived, plus a list of every frame with its payload on demand.
 * It renders in batches (`render()` once per animation frame), never per event.
 */
export class TrafficView {
  readonly model = new TrafficModel({ maxFrames: 1000, minSpanMs: minSpanPx / pxPerMs });
  #lanesBox: HTMLElement;
  #rows: HTMLOListElement;
  #summary: HTMLElement;
  #cleared: HTMLElement;
  #pause: HTMLButtonElement;
  #faultControls: Array<HTMLButtonElement | HTMLSelectElement> = [];
  #lanes = new Map<number, LanePair>();
  #drawn = new Map<number, Drawn>();
  #directions = new Set<Direction>(allDirections);
  #opcodes = new Set<Opcode>(allOpcodes);
  #paused = false;
  #t0: number | null = null;
  #laneWidth = 600;
  #lastShift = 0;
  #reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

  constructor(host: HTMLElement, onFault: (command: InspectCommand) => void) {
    this.#pause = el('button', { type: 'button', className: 'pg-button', ariaPressed: 'false' }, 'Pause');
    this.#pause.addEventListener('click', () => this.#setPaused(!this.#paused));
    const clear = el('button', { type: 'button', className: 'pg-button' }, 'Clear');
    clear.addEventListener('click', () => this.clear());
    const exportButton = el('button', { type: 'button', className: 'pg-button' }, 'Export JSON');
    exportButton.addEventListener('click', () => this.#export());

    const filters = el('fieldset', { className: 'pg-filters' }, el('legend', {}, 'Show'));
    const toggle = <T extends string>(value: T, label: string, set: Set<T>) => {
      const box = el('input', { type: 'checkbox', checked: true });
      box.addEventListener('change', () => {
        if (box.checked) set.add(value);
        else set.delete(value);
        this.#redraw();
      });
      filters.append(el('label', {}, box, label));
    };
    for (const direction of allDirections) toggle(direction, `${arrows[direction]} ${laneNames[direction]}`, this.#directions);
    for (const opcode of allOpcodes) toggle(opcode, opcode, this.#opcodes);

    const drop = el('button', { type: 'button', className: 'pg-button' }, 'Drop connection');
    drop.addEventListener('click', () => onFault({ type: 'drop' }));
    const outageSeconds = el('select', { ariaLabel: 'Outage length' }, ...[3, 5, 10].map((s) => el('option', { value: String(s) }, `${s} s`)));
    const outage = el('button', { type: 'button', className: 'pg-button' }, 'Take server away');
    outage.addEventListener('click', () => onFault({ type: 'outage', seconds: Number(outageSeconds.value) }));
    const latency = el('select', {}, ...[0, 100, 300, 1000].map((ms) => el('option', { value: String(ms) }, `${ms} ms`)));
    latency.addEventListener('change', () => onFault({ type: 'latency', ms: Number(latency.value) }));
    this.#faultControls = [drop, outageSeconds, outage, latency];
    this.setLive(false);

    this.#summary = el('p', { className: 'pg-traffic-summary' }, 'No frames yet: press Run.');
    this.#cleared = el('p', { className: 'pg-cleared', hidden: true });
    this.#lanesBox = el('div', { className: 'pg-lanes' });
    this.#rows = el('ol', { className: 'pg-frames', ariaLabel: 'Frames, oldest first' });

    host.replaceChildren(
      el('h3', { className: 'pg-traffic-title' }, 'Traffic'),
      el('div', { className: 'pg-traffic-bar', role: 'toolbar', ariaLabel: 'Traffic view' }, this.#pause, clear, exportButton),
      filters,
      el('div', { className: 'pg-faults', role: 'group', ariaLabel: 'Faults on demand' }, drop, outageSeconds, outage, el('label', {}, 'Latency ', latency)),
      this.#summary,
      this.#lanesBox,
      this.#cleared,
      this.#rows,
    );
    new ResizeObserver(([entry]) => {
      if (entry) this.#laneWidth = entry.contentRect.width;
    }).observe(this.#lanesBox);
  }

  /** Fault buttons work only while a run's sockets exist. */
  setLive(live: boolean): void {
    for (const control of this.#faultControls) control.disabled = !live;
  }

  push(event: RunEvent): void {
    this.#t0 ??= event.at;
    this.model.add(event);
  }

  /** A new run: everything from the last one goes. */
  reset(): void {
    this.model.clear();
    this.#t0 = null;
    this.#lanes.clear();
    this.#lanesBox.replaceChildren();
    this.#redraw();
  }

  clear(): void {
    this.model.clear();
    this.#redraw();
  }

  /** Applies what changed since the last call and moves the lanes on to `now`. */
  render(now: number): void {
    if (this.#paused) return;
    const { added, updated } = this.model.takeChanges();
    for (const frame of added) this.#draw(frame);
    for (const frame of updated) this.#update(frame);
    if (added.length > 0 || updated.length > 0) this.#trimRows();
    this.#shift(now);
    this.#describe();
  }

  #setPaused(paused: boolean): void {
    this.#paused = paused;
    this.#pause.ariaPressed = String(paused);
    this.#pause.textContent = paused ? 'Resume' : 'Pause';
    if (!paused) this.#redraw();
    else this.#summary.textContent = `Paused at ${this.model.frames.length} frames (still recording).`;
  }

  /** Rebuilds rows and marks from the model (after a filter change, a clear or a resume). */
  #redraw(): void {
    this.model.takeChanges();
    this.#drawn.clear();
    this.#rows.replaceChildren();
    for (const pair of this.#lanes.values()) for (const d of allDirections) pair.tracks[d].replaceChildren();
    for (const frame of this.model.frames) this.#draw(frame);
    this.#trimRows();
    this.#describe();
  }

  #lane(socket: number): LanePair {
    let pair = this.#lanes.get(socket);
    if (!pair) {
      const heading = el('h4', { className: 'pg-lane-title' }, `#${socket}`);
      const track = (d: Direction) => el('ol', { className: 'pg-track', ariaLabel: `#${socket} ${laneNames[d]}` });
      pair = { heading, tracks: { up: track('up'), down: track('down') } };
      const lane = (d: Direction) => el('div', { className: 'pg-lane', dataset: { direction: d } }, el('span', { className: 'pg-lane-label', ariaHidden: 'true' }, `${arrows[d]} ${laneNames[d]}`), pair!.tracks[d]);
      this.#lanesBox.append(el('section', { className: 'pg-lane-pair', ariaLabel: `Socket #${socket}` }, heading, lane('up'), lane('down')));
      this.#lanes.set(socket, pair);
    }
    const url = this.model.lanes.find((lane) => lane.socket === socket)?.url;
    if (url) pair.heading.textContent = `#${socket} ${new URL(url).pathname}`;
    return pair;
  }

  #draw(frame: Frame): void {
    if (!matchesFilter(frame, { directions: this.#directions, opcodes: this.#opcodes })) return;
    const row = el('li', { className: 'pg-row' });
    const drawn: Drawn = { row };
    this.#fillRow(row, frame);
    this.#rows.append(row);
    const track = this.#lane(frame.socket).tracks[frame.direction];
    const mark = el('li', { className: 'pg-mark' });
    this.#placeMark(mark, frame);
    track.append(mark);
    if (track.childElementCount > laneMarkLimit) track.firstElementChild?.remove();
    drawn.mark = mark;
    this.#drawn.set(frame.id, drawn);
  }

  #update(frame: Frame): void {
    const drawn = this.#drawn.get(frame.id);
    if (!drawn) return;
    this.#fillRow(drawn.row, frame);
    if (drawn.mark?.isConnected) this.#placeMark(drawn.mark, frame);
  }

  #placeMark(mark: HTMLLIElement, frame: Frame): void {
    const { start, end } = this.model.span(frame);
    const origin = this.#t0 ?? start;
    mark.style.left = `${(start - origin) * pxPerMs}px`;
    mark.style.width = `${Math.max(minSpanPx, (end - start) * pxPerMs)}px`;
    mark.dataset.opcode = frame.opcode;
    mark.toggleAttribute('data-overlap', frame.overlaps);
    mark.toggleAttribute('data-queued', !!frame.queued);
    const label = `${frame.opcode} ${frame.wireBytes} B${frame.preview ? `: ${frame.preview}` : ''}`;
    mark.ariaLabel = label;
    mark.title = label;
  }

  #fillRow(row: HTMLLIElement, frame: Frame): void {
    const { start, end } = this.model.span(frame);
    row.dataset.direction = frame.direction;
    row.dataset.opcode = frame.opcode;
    row.toggleAttribute('data-overlap', frame.overlaps);
    const flight = frame.clientAt !== undefined && frame.serverAt !== undefined ? `${(end - start).toFixed(1)} ms` : '';
    const notes = [frame.queued ? 'queued' : '', frame.lost ? 'lost: queue full' : '', frame.overlaps ? 'both ways at once' : '', frame.code ? `code ${frame.code}` : ''].filter(Boolean).join(', ');
    const summary = el(
      'summary',
      {},
      el('span', { className: 'pg-row-time' }, seconds(start - (this.#t0 ?? start))),
      el('span', { className: 'pg-row-dir' }, `#${frame.socket} ${arrows[frame.direction]}`),
      el('span', { className: 'pg-row-type' }, frame.opcode),
      el('span', { className: 'pg-row-size' }, `${frame.wireBytes} B`),
      el('span', { className: 'pg-row-preview' }, frame.preview),
      el('span', { className: 'pg-row-notes' }, [flight, notes].filter(Boolean).join(' · ')),
    );
    const details = el('details', {}, summary);
    // The full payload is built only when someone opens the row.
    details.addEventListener('toggle', () => {
      if (!details.open || details.childElementCount > 1) return;
      const where = [
        frame.clientAt !== undefined ? `browser at ${seconds(frame.clientAt - (this.#t0 ?? 0))}` : 'not seen by the browser API',
        frame.serverAt !== undefined ? `server at ${seconds(frame.serverAt - this.model.clockOffset - (this.#t0 ?? 0))}` : 'no server view',
        `${frame.wireBytes} B on the wire (${frame.measured ? 'measured by the server' : 'computed'}), payload ${frame.payloadBytes} B`,
        frame.reason ? `reason: ${frame.reason}` : '',
      ];
      details.append(el('p', { className: 'pg-row-where' }, where.filter(Boolean).join(' · ')), el('pre', { className: 'pg-row-payload' }, frame.payload ?? frame.preview));
    });
    row.replaceChildren(details);
  }

  /** Rows mirror the model's bounded history: drop rows of frames it has cleared. */
  #trimRows(): void {
    const first = this.model.frames[0]?.id ?? Number.POSITIVE_INFINITY;
    for (const [id, drawn] of this.#drawn) {
      if (id >= first) break;
      drawn.row.remove();
      drawn.mark?.remove();
      this.#drawn.delete(id);
    }
  }

  /** Keeps the newest moment at the right edge; in steps of a second for reduced motion. */
  #shift(now: number): void {
    if (this.#t0 === null) return;
    if (this.#reducedMotion.matches && now - this.#lastShift < 1000) return;
    this.#lastShift = now;
    const offset = this.#laneWidth - 8 - (now - this.#t0) * pxPerMs;
    const transform = `translateX(${Math.min(0, offset)}px)`;
    for (const pair of this.#lanes.values()) for (const d of allDirections) pair.tracks[d].style.transform = transform;
  }

  #describe(): void {
    const frames = this.model.frames;
    const both = frames.filter((frame) => frame.overlaps).length;
    const up = frames.filter((frame) => frame.direction === 'up').length;
    this.#summary.textContent = frames.length === 0 ? 'No frames yet.' : `${frames.length} frames: ${up} ↑, ${frames.length - up} ↓ · ${both} in flight while another went the other way`;
    this.#cleared.hidden = this.model.cleared === 0;
    this.#cleared.textContent = `Cleared ${this.model.cleared} older frames (the newest ${this.model.maxFrames} are kept).`;
  }

  #export(): void {
    const blob = new Blob([JSON.stringify(this.model, null, 2)], { type: 'application/json' });
    const link = el('a', { href: URL.createObjectURL(blob), download: 'duplex-traffic.json' });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }
}
