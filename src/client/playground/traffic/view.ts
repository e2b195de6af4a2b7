import type { InspectCommand } from '../../../../protocol/inspect.ts';
import type { RunEvent } from '../runner/run-protocol.ts';
import { TrafficModel, allOpcodes, matchesFilter, type Frame, type Opcode } from './model.ts';
import { allDirections, type Direction } from './direction.ts';
import { el } from '../../dom.ts';
import viewCss from './view.css?inline';
import { LaneCanvas, laneNames } from './lane-canvas.ts';
import { FaultControls } from './fault-controls.ts';
import type { RecordedOutput, Recording } from '../../../../protocol/recording.ts';
import type { Language } from '../runner/run-protocol.ts';
import { outputLine, recordingOf } from './recording.ts';
import { downloadHar, downloadRecording, importButton } from './recording-file.ts';
import { ReplayTimeline } from './replay-timeline.ts';
import { ReplayControls } from './replay-controls.ts';

// A plain CSS import would be hoisted by Astro into every lesson's <head>, render-blocking
// (withastro/astro#9495); inlined, the styles arrive with this lazily loaded module instead.
document.head.append(el('style', { textContent: viewCss, dataset: { source: 'traffic-view' } }));

/** Rows kept in the frame list: the newest ones (the model and the export keep more). */
const rowLimit = 100;
/** The list and the lane descriptions change a few times a second; the lanes move every frame. */
const slowUpdateMs = 250;
/**
 * Past this many frames a second nobody can read a list scrolling by, and drawing every frame
 * of it would starve the page: the list holds still (Pause lists the newest rows) and the lanes
 * move at a third of the display's rate. Measured over the last second.
 */
const floodRate = 1000;
const floodLaneEvery = 3;

const arrows: Record<Direction, string> = { up: '↑', down: '↓' };

interface LanePair {
  lanes: Record<Direction, LaneCanvas>;
  heading: HTMLElement;
  url: string;
}

interface Drawn {
  id: number;
  row: HTMLLIElement;
  toggle: HTMLButtonElement;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

/**
 * The live timeline: per socket, one lane client→server and one server→client, each frame drawn
 * from when it left to when it arrived, plus a list of the newest frames with their payload on
 * demand. It renders in batches (`render()` once per animation frame), never per event.
 */
export class TrafficView {
  readonly model = new TrafficModel({ maxFrames: 1000 });
  #lanesBox: HTMLElement;
  #rows: HTMLOListElement;
  #summary: HTMLElement;
  #cleared: HTMLElement;
  #pause: HTMLButtonElement;
  readonly #faults: FaultControls;
  #lanes = new Map<number, LanePair>();
  #drawn = new Map<number, Drawn>();
  /** Rows oldest first (the list shows them newest first), to drop the oldest when there are too many. */
  #order: Drawn[] = [];
  /** Frames waiting for the next (throttled) update of the list. */
  #pendingRows: Frame[] = [];
  #lastSlow = 0;
  #directions = new Set<Direction>(allDirections);
  #opcodes = new Set<Opcode>(allOpcodes);
  #paused = false;
  #t0: number | null = null;
  #lastShift = 0;
  /** Frames per second over the last measured second, and where that second started. */
  #rate = 0;
  #rateMark = { at: 0, total: 0 };
  #live = false;
  #animationFrames = 0;
  #reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  /** The run being recorded: its code and output lines (the model holds its traffic). */
  #source: { code: string; language: Language } = { code: '', language: 'javascript' };
  #output: RecordedOutput[] = [];
  /** Set while a recording is replayed: live events are then not drawn. */
  #replay: { timeline: ReplayTimeline; controls: ReplayControls; shown: number[] } | null = null;
  #replayBox: HTMLElement;
  #importProblem: HTMLElement;
  readonly #pick: () => void;

  constructor(host: HTMLElement, onFault: (command: InspectCommand) => void) {
    this.#pause = el('button', { type: 'button', className: 'duplex-control', ariaPressed: 'false' }, 'Pause');
    this.#pause.addEventListener('click', () => this.#setPaused(!this.#paused));
    const clear = el('button', { type: 'button', className: 'duplex-control' }, 'Clear');
    clear.addEventListener('click', () => this.clear());
    const exportButton = el('button', { type: 'button', className: 'duplex-control' }, 'Export recording');
    exportButton.addEventListener('click', () => downloadRecording(this.recording()));
    const harButton = el('button', { type: 'button', className: 'duplex-control', title: 'The WebSocket messages as a HAR file, as browser DevTools export them' }, 'Export HAR');
    harButton.addEventListener('click', () => downloadHar(this.recording()));
    const importer = importButton((read) => {
      this.#importProblem.hidden = read.ok;
      if (read.ok) this.showRecording(read.recording);
      else this.#importProblem.textContent = read.message;
    });

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

    this.#faults = new FaultControls(onFault);
    this.#pick = importer.pick;

    this.#summary = el('p', { className: 'pg-traffic-summary' }, 'No frames yet: press Run.');
    this.#cleared = el('p', { className: 'pg-cleared', hidden: true });
    // Dozens of sockets scroll inside the lanes box, so the page keeps its height; focusable so a keyboard can scroll it.
    this.#lanesBox = el('div', { className: 'pg-lanes', role: 'region', ariaLabel: 'Lanes, one pair per socket', tabIndex: 0 });
    this.#rows = el('ol', { className: 'pg-frames', ariaLabel: 'Frames, newest first', tabIndex: 0 });
    this.#replayBox = el('div', { className: 'pg-replay-box' });
    this.#importProblem = el('p', { className: 'pg-import-problem', role: 'alert', hidden: true });

    host.replaceChildren(
      el('h3', { className: 'pg-traffic-title' }, 'Traffic'),
      el('div', { className: 'pg-traffic-bar', role: 'toolbar', ariaLabel: 'Traffic view' }, this.#pause, clear, exportButton, harButton, importer.element),
      this.#importProblem,
      this.#replayBox,
      filters,
      this.#faults.element,
      this.#summary,
      this.#lanesBox,
      this.#rows,
      this.#cleared,
    );
    // Canvas colours follow Starlight's light/dark switch.
    new MutationObserver(() => this.#eachLane((lane) => lane.restyle())).observe(document.documentElement, { attributeFilter: ['data-theme'] });
  }

  /** Fault buttons work only while a run's sockets exist. */
  setLive(live: boolean): void {
    this.#faults.setLive(live);
    // A stopped run is not a flood: its newest rows are listed when it settles.
    this.#live = live;
    if (!live) this.#rate = 0;
  }

  push(event: RunEvent): void {
    if (this.#replay) return;
    this.#t0 ??= event.at;
    this.model.add(event);
    const line = outputLine(event);
    if (line && this.#output.length < 500) this.#output.push(line);
  }

  /** Opens the file picker for a recording to replay. */
  pickRecording(): void {
    this.#pick();
  }

  /** This run (or the replayed one) in the versioned file format. */
  recording(): Recording {
    if (this.#replay) return this.#replay.timeline.recording;
    return recordingOf(this.model, { ...this.#source, startedAt: this.#t0 ?? Date.now(), output: this.#output });
  }

  /** A new run (of `source`, recorded with it): everything from the last one, or a replay, goes. */
  reset(source?: { code: string; language: Language }): void {
    if (source) this.#source = source;
    this.#output = [];
    this.#replay?.controls.pause();
    this.#replay = null;
    this.#replayBox.replaceChildren();
    this.#startOver(null);
  }

  /** Replays a recording in this view, from its start, with the scrubber above the lanes. */
  showRecording(recording: Recording): void {
    this.reset();
    const timeline = new ReplayTimeline(recording);
    const controls = new ReplayControls(timeline, (t) => this.#showUntil(t));
    this.#replay = { timeline, controls, shown: [] };
    this.#replayBox.replaceChildren(controls.element);
    this.#startOver(recording);
    controls.seek(0);
  }

  /** Draws the replay at `t` ms: the frames that had left by then, in their recorded order. */
  #showUntil(t: number): void {
    const replay = this.#replay;
    if (!replay) return;
    const visible = replay.timeline.visibleAt(t);
    const grows = replay.shown.every((index, i) => visible[i] === index);
    if (!grows) this.#startOver(replay.timeline.recording);
    const { frames } = replay.timeline.recording;
    for (const index of visible.slice(grows ? replay.shown.length : 0)) {
      const recorded = frames[index];
      if (recorded) this.model.replay(recorded);
    }
    replay.shown = visible;
    this.render(replay.timeline.recording.startedAt + t, true);
  }

  /** Empties the model and lanes, ready for a live run (null) or a recording's frames. */
  #startOver(recording: Recording | null): void {
    if (recording) {
      this.model.restore(recording.sockets, recording.clockOffsetMs);
      if (this.#replay) this.#replay.shown = [];
    } else this.model.reset();
    this.#t0 = recording?.startedAt ?? null;
    this.#eachLane((lane) => lane.dispose());
    this.#lanes.clear();
    this.#lanesBox.replaceChildren();
    this.#redraw();
  }

  clear(): void {
    this.model.clear();
    this.#redraw();
  }

  /** Applies what changed since the last call and moves the lanes on to `now`. */
  render(now: number, fromReplay = false): void {
    if (this.#replay && !fromReplay) return;
    if (this.#paused) {
      // Still recording: the model keeps its bounded history, and resuming redraws from it.
      this.model.takeChanges();
      return;
    }
    const { added, updated } = this.model.takeChanges();
    for (const frame of added) {
      this.#lane(frame.socket).lanes[frame.direction].add(frame);
      this.#pendingRows.push(frame);
    }
    if (this.#pendingRows.length > rowLimit) this.#pendingRows.splice(0, this.#pendingRows.length - rowLimit);
    for (const frame of updated) this.#update(frame);
    const flooded = !fromReplay && this.#measureRate(now) > floodRate;
    if (now - this.#lastSlow >= slowUpdateMs) {
      this.#lastSlow = fromReplay ? 0 : now;
      // Flooded, the newest rows wait (bounded) and are listed once the flood or the run ends.
      if (!flooded) this.#flushRows();
      this.#eachLane((lane) => lane.describe());
      for (const socket of this.#lanes.keys()) this.#label(socket);
      this.#describe();
    }
    if (!flooded || this.#animationFrames++ % floodLaneEvery === 0) this.#drawLanes(now);
  }

  /** Frames a second, recomputed once a second from the model's running total. */
  #measureRate(now: number): number {
    if (!this.#live) return 0;
    const total = this.model.frames.length + this.model.cleared;
    const elapsed = now - this.#rateMark.at;
    if (elapsed >= 1000 || total < this.#rateMark.total) {
      this.#rate = elapsed > 0 && total >= this.#rateMark.total ? ((total - this.#rateMark.total) * 1000) / elapsed : 0;
      this.#rateMark = { at: now, total };
    }
    return this.#rate;
  }

  /** Draws everything now, the list too (a run that stopped must not leave its last frames waiting for a tick). */
  settle(now: number): void {
    this.#lastSlow = Number.NEGATIVE_INFINITY;
    this.render(now);
  }

  #eachLane(action: (lane: LaneCanvas) => void): void {
    for (const pair of this.#lanes.values()) for (const d of allDirections) action(pair.lanes[d]);
  }

  #setPaused(paused: boolean): void {
    this.#paused = paused;
    this.#pause.ariaPressed = String(paused);
    this.#pause.textContent = paused ? 'Resume' : 'Pause';
    if (!paused) this.#redraw();
    else this.#summary.textContent = `Paused at ${this.model.frames.length} frames (still recording).`;
  }

  /** Rebuilds the list and the lanes from the model (after a filter change, a clear or a resume). */
  #redraw(): void {
    this.model.takeChanges();
    this.#drawn.clear();
    this.#order = [];
    this.#rows.replaceChildren();
    this.#eachLane((lane) => lane.clear());
    for (const frame of this.model.frames) this.#lane(frame.socket).lanes[frame.direction].add(frame);
    this.#pendingRows = this.model.frames.slice(-rowLimit);
    this.#flushRows();
    this.#eachLane((lane) => lane.describe());
    this.#describe();
    this.#drawLanes(performance.timeOrigin + performance.now(), true);
  }

  #lane(socket: number): LanePair {
    let pair = this.#lanes.get(socket);
    if (!pair) {
      const heading = el('h4', { className: 'pg-lane-title' }, `#${socket}`);
      const lanes = { up: new LaneCanvas(this.model, socket, 'up'), down: new LaneCanvas(this.model, socket, 'down') };
      const lane = (d: Direction) =>
        el('div', { className: 'pg-lane', dataset: { direction: d } }, el('span', { className: 'pg-lane-label', ariaHidden: 'true' }, `${arrows[d]} ${laneNames[d]}`), lanes[d].canvas);
      this.#lanesBox.append(el('section', { className: 'pg-lane-pair', ariaLabel: `Socket #${socket}` }, heading, lane('up'), lane('down')));
      pair = { heading, url: '', lanes };
      this.#lanes.set(socket, pair);
      this.#label(socket);
    }
    return pair;
  }

  /** Lane headings name the endpoint once it is known (the socket's first event carries it). */
  #label(socket: number): void {
    const pair = this.#lanes.get(socket);
    const url = this.model.lanes.find((lane) => lane.socket === socket)?.url ?? '';
    if (!pair || url === '' || url === pair.url) return;
    pair.url = url;
    pair.heading.textContent = `#${socket} ${new URL(url).pathname}`;
  }

  /**
   * Puts the rows that waited for this update at the top (newest first), keeping only the newest
   * `rowLimit`. The browser's scroll anchoring keeps a reader who scrolled down to an older row
   * where they were, with no layout read from us.
   */
  #flushRows(): void {
    const filter = { directions: this.#directions, opcodes: this.#opcodes };
    const fragment = document.createDocumentFragment();
    for (const frame of this.#pendingRows) {
      if (!matchesFilter(frame, filter)) continue;
      // A disclosure button, not <details>: hundreds of rows a second, and <details> brings a shadow tree each.
      const toggle = el('button', { type: 'button', className: 'pg-row-toggle', ariaExpanded: 'false' });
      const row = el('li', { className: 'pg-row' }, toggle);
      // The full payload is built when someone opens the row, from the frame as it is then.
      toggle.addEventListener('click', () => {
        const open = toggle.ariaExpanded !== 'true';
        toggle.ariaExpanded = String(open);
        row.querySelector('.pg-row-body')?.remove();
        if (open) row.append(this.#rowBody(frame));
      });
      const drawn: Drawn = { id: frame.id, row, toggle };
      this.#fillRow(drawn, frame);
      fragment.prepend(drawn.row);
      this.#drawn.set(frame.id, drawn);
      this.#order.push(drawn);
    }
    this.#pendingRows = [];
    this.#rows.prepend(fragment);
    const excess = this.#order.length - rowLimit;
    for (const drawn of this.#order.splice(0, Math.max(0, excess))) {
      drawn.row.remove();
      this.#drawn.delete(drawn.id);
    }
  }

  #update(frame: Frame): void {
    const drawn = this.#drawn.get(frame.id);
    if (drawn) this.#fillRow(drawn, frame);
  }

  /** One line per frame, columns padded in a monospace font: one text node, cheap at 500 frames/s. */
  #fillRow({ row, toggle }: Drawn, frame: Frame): void {
    const { start, end } = this.model.span(frame);
    row.dataset.direction = frame.direction;
    row.dataset.opcode = frame.opcode;
    row.toggleAttribute('data-overlap', frame.overlaps);
    const flight = frame.clientAt !== undefined && frame.serverAt !== undefined ? `${(end - start).toFixed(1)} ms` : '';
    const notes = [flight, frame.queued ? 'queued' : '', frame.lost ? 'lost: queue full' : '', frame.overlaps ? 'crossed one going the other way' : '', frame.code ? `code ${frame.code}` : '']
      .filter(Boolean)
      .join(', ');
    // Listed at the moment the page saw the frame, when it did: one clock, so a reply is never
    // listed before its request. Across two clocks it could be: on one machine a flight is
    // shorter than the error of the two sides' stamps (the server's time is in the row's details).
    const at = frame.clientAt ?? start;
    toggle.textContent = [
      seconds(at - (this.#t0 ?? at)).padStart(9),
      `#${frame.socket} ${arrows[frame.direction]}`.padEnd(5),
      frame.opcode.padEnd(6),
      `${frame.wireBytes} B`.padStart(8),
      ` ${frame.preview}`,
      notes ? `  (${notes})` : '',
    ].join(' ');
  }

  #rowBody(frame: Frame): HTMLElement {
    const where = [
      frame.clientAt !== undefined ? `browser at ${seconds(frame.clientAt - (this.#t0 ?? 0))}` : 'not seen by the browser API',
      frame.serverAt !== undefined ? `server at ${seconds(frame.serverAt - this.model.clockOffset - (this.#t0 ?? 0))}` : 'no server view',
      `${frame.wireBytes} B on the wire (${frame.measured ? 'measured by the server' : 'computed'}), payload ${frame.payloadBytes} B`,
      frame.reason ? `reason: ${frame.reason}` : '',
    ];
    return el('div', { className: 'pg-row-body' }, el('p', { className: 'pg-row-where' }, where.filter(Boolean).join(' · ')), el('pre', { className: 'pg-row-payload' }, frame.payload ?? frame.preview));
  }

  /** Moves the lanes on to `now`; in steps of a second for people who asked for reduced motion. */
  #drawLanes(now: number, force = false): void {
    if (this.#t0 === null) return;
    if (!force && this.#reducedMotion.matches && now - this.#lastShift < 1000) return;
    this.#lastShift = now;
    const filter = { directions: this.#directions, opcodes: this.#opcodes };
    const visible = (frame: Frame) => matchesFilter(frame, filter);
    const origin = this.#t0;
    this.#eachLane((lane) => lane.draw(now, origin, visible));
  }

  #describe(): void {
    const frames = this.model.frames;
    const both = frames.filter((frame) => frame.overlaps).length;
    const up = frames.filter((frame) => frame.direction === 'up').length;
    const flood = this.#rate > floodRate && !this.#paused ? `${Math.round(this.#rate)} frames/s, too many to list one by one (Pause lists the newest ${rowLimit}) · ` : '';
    this.#summary.textContent =
      frames.length === 0 ? 'No frames yet.' : `${flood}${frames.length} frames: ${up} ↑, ${frames.length - up} ↓ · ${both} crossed a frame going the other way`;
    this.#cleared.hidden = this.model.cleared === 0;
    this.#cleared.textContent = `Cleared ${this.model.cleared} older frames (the newest ${this.model.maxFrames} are kept).`;
  }
}
