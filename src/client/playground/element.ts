import { part } from '../dom.ts';
import type { RunSession } from './run-session.ts';
import type { CodeEditor } from './editor/editor.ts';
import type { Language, RunEvent } from './runner/run-protocol.ts';
import type { Recording } from '../../../protocol/recording.ts';
import type { InspectCommand } from '../../../protocol/inspect.ts';

/** What a <duplex-playground> tells the page about its runs (see the global map below). */
interface PlaygroundEvents {
  /** A run begins, with the code it runs. */
  'duplex:run-start': CustomEvent<{ code: string }>;
  /** Every validated event of the run. */
  'duplex:run-event': CustomEvent<RunEvent>;
  /** The learner stopped the run. */
  'duplex:run-stop': CustomEvent<null>;
}

declare global {
  /**
   * The playground's events bubble, so exercises, the workshop and lessons react to a run
   * without reaching into the element, and their listeners are typed with no cast.
   */
  interface HTMLElementEventMap extends PlaygroundEvents {}
}

/**
 * <duplex-playground>: static highlighted code until the learner shows intent. This file is
 * all that loads with the page (keep it tiny); the runner, the traffic view and Monaco are
 * imported on the first Run, Edit or Share.
 */
export class DuplexPlayground extends HTMLElement {
  #session: RunSession | null = null;
  #running = false;
  #editor: CodeEditor | null = null;
  #editorLoading: Promise<CodeEditor> | null = null;

  get #original(): string {
    return this.dataset.code ?? '';
  }

  get language(): Language {
    return this.dataset.language === 'typescript' ? 'typescript' : 'javascript';
  }

  connectedCallback() {
    const on = (action: string, handler: () => void) => part(this, `[data-action="${action}"]`).addEventListener('click', handler);
    on('run', () => void this.run());
    on('stop', () => this.stop());
    on('edit', () => void this.edit());
    on('reset', () => this.reset());
    on('share', () => void this.share());
    on('replay', () => void this.#loadSession().then((session) => session.importRecording()));
    const code = part<HTMLElement>(this, '[data-role="code"]');
    // Clicking the static code, or Enter on it, is intent to edit. Focus alone is not: a keyboard
    // user tabbing past must not land inside Monaco, where Tab indents instead of moving on.
    code.addEventListener('click', () => void this.edit());
    code.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        void this.edit();
      }
    });
    // Ctrl/Cmd+Enter runs from anywhere in the playground (Monaco handles it itself and says so).
    this.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
        event.preventDefault();
        void this.run();
      }
    });
    this.dataset.ready = '';
  }

  disconnectedCallback() {
    this.stop();
  }

  async edit(): Promise<CodeEditor> {
    this.#editorLoading ??= (async () => {
      const { createEditor } = await import('./editor/editor.ts');
      const host = part<HTMLElement>(this, '[data-role="editor"]');
      host.hidden = false;
      const editor = createEditor(host, this.dataset.current ?? this.#original, this.language, () => void this.run());
      part<HTMLElement>(this, '[data-role="code"]').hidden = true;
      part<HTMLButtonElement>(this, '[data-action="edit"]').hidden = true;
      part<HTMLElement>(this, '[data-role="editor-hint"]').hidden = false;
      this.#editor = editor;
      this.dataset.editor = 'ready';
      return editor;
    })();
    const editor = await this.#editorLoading;
    editor.focus();
    return editor;
  }

  async run() {
    this.stop();
    const session = await this.#loadSession();
    const code = this.code;
    this.#setRunning(true);
    this.#emit('duplex:run-start', { code });
    this.#editor?.clearError();
    this.dataset.status = 'running';
    session.start(
      code,
      this.language,
      (event) => {
        this.#emit('duplex:run-event', event);
        if (event.type !== 'failed') return;
        this.dataset.status = 'failed';
        if (event.line !== undefined) this.#editor?.markError(event.line, event.column ?? 1, event.message);
      },
      () => this.#setRunning(false),
    );
  }

  stop() {
    if (!this.#running) return;
    this.#session?.stop();
    this.#setRunning(false);
    this.dataset.status = 'stopped';
    this.#emit('duplex:run-stop', null);
  }

  /**
   * Asks the server for a fault on this run's connections, as the fault buttons do: an exercise
   * uses it to break the link for real while the learner's code runs (nothing when no run is on).
   */
  fault(command: InspectCommand): void {
    if (this.#running) this.#session?.fault(command);
  }

  /** The code a run would use now: the editor's if it is open, else the example. */
  get code(): string {
    return this.#editor?.getValue() ?? this.dataset.current ?? this.#original;
  }

  /** Replaces the code (e.g. a snippet pushed by a workshop host or a solution revealed). */
  async setCode(code: string): Promise<void> {
    this.dataset.current = code;
    if (this.#editor) this.#editor.setValue(code);
    else (await this.edit()).setValue(code);
  }

  /** Makes `code` the example that Reset returns to (the full-page playground's picker). */
  async load(code: string, language: Language): Promise<void> {
    this.stop();
    this.dataset.code = code;
    this.dataset.language = language;
    delete this.dataset.current;
    if (this.#editor) this.#editor.setValue(code, language);
    else await this.setCode(code);
  }

  reset() {
    this.stop();
    delete this.dataset.current;
    this.#editor?.setValue(this.#original);
    part<HTMLElement>(this, '[data-role="output"]').replaceChildren();
  }

  /** The last run as a recording (code, output, traffic), or null before the first run. */
  recording(): Recording | null {
    return this.#session?.recording() ?? null;
  }

  /** A link to /playground/ that restores the current code; shown, and copied when allowed. */
  async share(): Promise<string> {
    const { encodeShare } = await import('./share-link.ts');
    const url = new URL('playground/', new URL(import.meta.env.BASE_URL, location.origin));
    url.hash = await encodeShare(this.code, this.language);
    const field = part<HTMLInputElement>(this, '[data-role="share-link"]');
    field.value = url.href;
    field.hidden = false;
    field.select();
    await navigator.clipboard?.writeText(url.href).then(
      () => (field.title = 'Copied to the clipboard'),
      () => (field.title = 'Copy this link'),
    );
    return url.href;
  }

  async #loadSession(): Promise<RunSession> {
    if (!this.#session) {
      const { RunSession } = await import('./run-session.ts');
      const traffic = part<HTMLElement>(this, '[data-role="traffic"]');
      traffic.hidden = false;
      part<HTMLElement>(this, '[data-role="output-filter"]').hidden = false;
      this.#session ??= new RunSession({
        output: part<HTMLElement>(this, '[data-role="output"]'),
        showConnection: part<HTMLInputElement>(this, '[data-role="show-connection"]'),
        state: part<HTMLElement>(this, '[data-role="state"]'),
        traffic,
      });
    }
    return this.#session;
  }

  #emit<K extends keyof PlaygroundEvents>(type: K, detail: PlaygroundEvents[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
  }

  #setRunning(running: boolean) {
    this.#running = running;
    part<HTMLButtonElement>(this, '[data-action="stop"]').disabled = !running;
  }
}

customElements.define('duplex-playground', DuplexPlayground);
