import type { Frame, Opcode, TrafficModel } from './model.ts';
import type { Direction } from './direction.ts';

/** Timeline scale: 200 px per second, so a lane shows the last few seconds. */
const pxPerMs = 0.2;
/** A frame on localhost takes far less than a pixel; it is drawn at least this wide. */
const minSpanPx = 3;
/** Frames remembered per lane: more than fit in its width at the fastest ticker. */
const laneFrameLimit = 800;

export const laneNames: Record<Direction, string> = { up: 'client → server', down: 'server → client' };

/** Colours come from the page's CSS, so the lanes follow the light/dark theme. */
function colours(element: Element) {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    up: read('--duplex-up', '#2563eb'),
    down: read('--duplex-down', '#16a34a'),
    control: read('--sl-color-orange', '#f97316'),
    outline: read('--sl-color-white', '#ffffff'),
    fault: read('--sl-color-red', '#dc2626'),
  };
}

/**
 * One lane (one socket, one direction) drawn on a canvas: each frame a bar from when it left
 * to when it arrived, overlapping ones full height and outlined. A canvas, not an element per
 * frame, because at 500 frames a second creating and styling elements is what freezes a tab.
 * Its accessible name summarises the lane; the frame list beside it has every detail.
 */
export class LaneCanvas {
  readonly canvas: HTMLCanvasElement;
  readonly #model: TrafficModel;
  readonly #socket: number;
  readonly #direction: Direction;
  #frames: Frame[] = [];
  #colours: ReturnType<typeof colours> | null = null;
  #label = '';
  /** Lanes scrolled out of view are not drawn (a run may open many sockets). */
  #onScreen = true;
  /** From a ResizeObserver: reading clientWidth while drawing would force a layout every frame. */
  #cssWidth = 0;
  #observers: Array<IntersectionObserver | ResizeObserver> = [];

  constructor(model: TrafficModel, socket: number, direction: Direction) {
    this.#model = model;
    this.#socket = socket;
    this.#direction = direction;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'pg-lane-canvas';
    this.canvas.role = 'img';
    this.canvas.dataset.direction = direction;
    this.canvas.height = 24;
    this.#observers = [
      new IntersectionObserver(([entry]) => {
        if (entry) this.#onScreen = entry.isIntersecting;
      }),
      new ResizeObserver(([entry]) => {
        if (entry) this.#cssWidth = entry.contentRect.width;
      }),
    ];
    for (const observer of this.#observers) observer.observe(this.canvas);
    this.#describe();
  }

  add(frame: Frame): void {
    this.#frames.push(frame);
    if (this.#frames.length > laneFrameLimit) this.#frames.splice(0, this.#frames.length - laneFrameLimit);
  }

  clear(): void {
    this.#frames = [];
    this.#describe();
  }

  /** The lane is gone (a new run): stop watching its canvas. */
  dispose(): void {
    for (const observer of this.#observers) observer.disconnect();
  }

  /** Forget cached colours (the theme changed). */
  restyle(): void {
    this.#colours = null;
  }

  /** Draws the window ending at `now`; `origin` is when the run started (left edge before it scrolls). */
  draw(now: number, origin: number, visible: (frame: Frame) => boolean): void {
    if (!this.#onScreen || this.#cssWidth === 0) return;
    const canvas = this.canvas;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(this.#cssWidth * ratio));
    const height = Math.round(24 * ratio);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    const context = canvas.getContext('2d');
    if (!context) return;
    this.#colours ??= colours(canvas);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    const cssWidth = width / ratio;
    // The newest moment sits at the right edge once the run is longer than the lane.
    const right = Math.max(now, origin + (cssWidth - 8) / pxPerMs);
    const left = right - cssWidth / pxPerMs;
    // Newest first, stopping well past the left edge: frames arrive in (nearly) time order.
    for (let i = this.#frames.length - 1; i >= 0; i--) {
      const frame = this.#frames[i];
      if (!frame) break;
      const { start, end } = this.#model.span(frame);
      if (start < left - 2000) break;
      if (end < left || !visible(frame)) continue;
      const x = (start - left) * pxPerMs;
      const w = Math.max(minSpanPx, (end - start) * pxPerMs);
      const control = frame.opcode !== 'text' && frame.opcode !== 'binary';
      context.globalAlpha = frame.queued ? 0.45 : frame.overlaps ? 1 : 0.8;
      context.fillStyle = control ? this.#colours.control : this.#colours[this.#direction];
      if (frame.overlaps) {
        context.fillRect(x, 2, w, 20);
        context.strokeStyle = this.#colours.outline;
        context.lineWidth = 1;
        context.strokeRect(x + 0.5, 2.5, w - 1, 19);
      } else {
        context.fillRect(x, 6, w, 12);
      }
    }
    context.globalAlpha = 1;
    // The moment of each fault on this socket: a full-height line, so cause and effect line up.
    context.fillStyle = this.#colours.fault;
    for (const fault of this.#faults()) {
      const x = (fault.at - this.#model.clockOffset - left) * pxPerMs;
      if (x >= 0 && x <= cssWidth) context.fillRect(x - 1, 0, 2, 24);
    }
  }

  /** Faults are reported on the server's clock, per socket. */
  #faults() {
    return this.#model.faults.filter((fault) => fault.socket === this.#socket);
  }

  /** The lane in words, e.g. "#1 server → client: 12 frames (10 text, 2 ping); 3 crossing; latest message: hi". */
  #describe(): void {
    const counts = new Map<Opcode, number>();
    let overlapping = 0;
    let latest: Frame | undefined;
    for (const frame of this.#frames) {
      counts.set(frame.opcode, (counts.get(frame.opcode) ?? 0) + 1);
      if (frame.overlaps) overlapping++;
      if (frame.opcode === 'text' || frame.opcode === 'binary') latest = frame;
    }
    const kinds = [...counts].map(([opcode, n]) => `${n} ${opcode}`).join(', ');
    const parts = [`#${this.#socket} ${laneNames[this.#direction]}: ${this.#frames.length} frames${kinds ? ` (${kinds})` : ''}`];
    if (overlapping > 0) parts.push(`${overlapping} crossing`);
    const faults = this.#faults().map((fault) => fault.fault);
    if (faults.length > 0) parts.push(`fault marked: ${faults.join(', ')}`);
    if (latest) parts.push(`latest message: ${latest.preview}`);
    const label = parts.join('; ');
    if (label !== this.#label) {
      this.#label = label;
      this.canvas.ariaLabel = label;
    }
  }

  /** Updates the accessible name (called a few times a second, not per frame). */
  describe(): void {
    this.#describe();
  }
}
