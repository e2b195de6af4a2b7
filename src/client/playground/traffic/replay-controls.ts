import { el } from '../../dom.ts';
import type { ReplayTimeline } from './replay-timeline.ts';

const speeds = [0.25, 0.5, 1, 2, 4];
const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

/**
 * The time scrubber of a replay: play and pause, speed, a frame back or forward, and a slider
 * over the whole run. It owns only the cursor; `show(t)` (ms after the run's start) draws it.
 */
export class ReplayControls {
  readonly element: HTMLElement;
  readonly #timeline: ReplayTimeline;
  readonly #show: (t: number) => void;
  readonly #play: HTMLButtonElement;
  readonly #speed: HTMLSelectElement;
  readonly #slider: HTMLInputElement;
  readonly #clock: HTMLElement;
  readonly #notes: HTMLElement;
  readonly #output: HTMLOListElement;
  #t = 0;
  #playing = false;
  #frame = 0;
  #last = 0;

  constructor(timeline: ReplayTimeline, show: (t: number) => void) {
    this.#timeline = timeline;
    this.#show = show;
    const recording = timeline.recording;
    this.#play = el('button', { type: 'button', className: 'duplex-control duplex-control-primary', ariaPressed: 'false' }, 'Play');
    this.#play.addEventListener('click', () => (this.#playing ? this.pause() : this.play()));
    const back = el('button', { type: 'button', className: 'duplex-control' }, 'Previous frame');
    back.addEventListener('click', () => this.seek(timeline.previous(this.#t)));
    const forward = el('button', { type: 'button', className: 'duplex-control' }, 'Next frame');
    forward.addEventListener('click', () => this.seek(timeline.next(this.#t)));
    this.#speed = el('select', { ariaLabel: 'Replay speed' }, ...speeds.map((s) => el('option', { value: String(s), selected: s === 1 }, `${s}×`)));
    this.#slider = el('input', { type: 'range', min: '0', max: String(Math.ceil(timeline.duration)), step: '1', value: '0', ariaLabel: 'Replay time' });
    this.#slider.addEventListener('input', () => this.seek(Number(this.#slider.value)));
    this.#clock = el('span', { className: 'pg-replay-clock' });
    this.#notes = el('p', { className: 'pg-replay-notes' });
    this.#output = el('ol', { className: 'pg-replay-output', ariaLabel: 'Replayed output' });
    this.element = el(
      'section',
      { className: 'pg-replay', ariaLabel: 'Replay' },
      el('p', { className: 'pg-replay-title' }, `Replaying a recording of ${recording.frames.length} frames (recorded ${recording.recordedAt}).`),
      el('div', { className: 'pg-traffic-bar', role: 'toolbar', ariaLabel: 'Replay controls' }, this.#play, back, forward, el('label', {}, 'Speed ', this.#speed)),
      el('label', { className: 'pg-replay-scrub' }, this.#slider, this.#clock),
      this.#notes,
      this.#output,
    );
  }

  get time(): number {
    return this.#t;
  }

  seek(t: number): void {
    this.#t = Math.min(Math.max(0, t), this.#timeline.duration);
    this.#slider.value = String(Math.round(this.#t));
    this.#clock.textContent = `${seconds(this.#t)} of ${seconds(this.#timeline.duration)}`;
    this.#describe();
    this.#show(this.#t);
    if (this.#t >= this.#timeline.duration) this.pause();
  }

  play(): void {
    if (this.#t >= this.#timeline.duration) this.seek(0);
    this.#setPlaying(true);
    this.#last = performance.now();
    const tick = (now: number) => {
      if (!this.#playing) return;
      this.seek(this.#t + (now - this.#last) * Number(this.#speed.value));
      this.#last = now;
      if (this.#playing) this.#frame = requestAnimationFrame(tick);
    };
    this.#frame = requestAnimationFrame(tick);
  }

  pause(): void {
    cancelAnimationFrame(this.#frame);
    this.#setPlaying(false);
  }

  #setPlaying(playing: boolean): void {
    this.#playing = playing;
    this.#play.ariaPressed = String(playing);
    this.#play.textContent = playing ? 'Pause' : 'Play';
  }

  /** The faults and output lines that happened by now: the run's story beside its frames. */
  #describe(): void {
    const { recording } = this.#timeline;
    const at = recording.startedAt + this.#t;
    const faults = recording.faults.filter((fault) => fault.at - recording.clockOffsetMs <= at);
    this.#notes.textContent = faults.length === 0 ? 'No fault injected yet.' : `Faults so far: ${faults.map((f) => `${f.fault} at ${seconds(f.at - recording.clockOffsetMs - recording.startedAt)}`).join(', ')}.`;
    const lines = recording.output.filter((line) => line.at <= at);
    if (lines.length === this.#output.childElementCount) return;
    this.#output.replaceChildren(...lines.map((line) => el('li', { dataset: { level: line.level } }, line.text)));
  }
}
