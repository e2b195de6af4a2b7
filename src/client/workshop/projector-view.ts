import { part } from '../dom.ts';
import { drawQr } from './qr.ts';

/**
 * The host console's face for the projector: only what the room needs to join (the code in
 * large type, the QR code, the join URL) and how many are in. It replaces the console on the
 * laptop's screen and asks for full screen; "Back to the console" (or Esc, then the button)
 * returns. The console keeps running underneath: nothing is reconnected.
 */
export class ProjectorView {
  readonly #view: HTMLElement;
  readonly #console: HTMLElement;

  constructor(view: HTMLElement, consoleRoom: HTMLElement, open: HTMLButtonElement) {
    this.#view = view;
    this.#console = consoleRoom;
    open.addEventListener('click', () => this.#open());
    part(view, '[data-role="projector-back"]').addEventListener('click', () => this.#close());
    part(view, '[data-role="projector-fullscreen"]').addEventListener('click', () => void this.#fullscreen());
  }

  /** The room is known (or moved to another code after a resume). */
  room(code: string, url: string): void {
    part(this.#view, '[data-role="projector-code"]').textContent = code;
    const anchor = part<HTMLAnchorElement>(this.#view, '[data-role="projector-url"]');
    anchor.href = url;
    anchor.textContent = url;
    drawQr(part(this.#view, '[data-role="projector-qr"]'), url);
  }

  count(text: string): void {
    part(this.#view, '[data-role="projector-count"]').textContent = text;
  }

  #open(): void {
    this.#console.hidden = true;
    this.#view.hidden = false;
    void this.#fullscreen();
  }

  #close(): void {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    this.#view.hidden = true;
    this.#console.hidden = false;
  }

  /** Full screen needs the click that asked for it; a browser that says no keeps the plain view. */
  async #fullscreen(): Promise<void> {
    if (document.fullscreenElement === this.#view) return;
    await this.#view.requestFullscreen?.().catch(() => undefined);
  }
}
