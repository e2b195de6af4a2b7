import type { Run } from './runner.ts';
import type { CodeEditor } from './editor.ts';

/**
 * Events a <duplex-playground> dispatches (they bubble), so exercises, the workshop and lessons
 * can react to a run without reaching into the element:
 * - `duplex:run-start` (detail: { code }) when a run begins;
 * - `duplex:run-event` (detail: RunEvent) for every validated event of the run;
 * - `duplex:run-stop` when the learner stops it.
 */
export type PlaygroundEventMap = {
  'duplex:run-start': CustomEvent<{ code: string }>;
  'duplex:run-event': CustomEvent<import('./run-protocol.ts').RunEvent>;
  'duplex:run-stop': CustomEvent<null>;
};

/**
 * <duplex-playground>: static highlighted code until the learner shows intent. This file is
 * all that loads with the page; the runner and Monaco are imported on the first Run or Edit.
 */
export class DuplexPlayground extends HTMLElement {
  #run: Run | null = null;
  #editor: CodeEditor | null = null;
  #editorLoading: Promise<CodeEditor> | null = null;

  get #original(): string {
    return this.dataset.code ?? '';
  }

  #part<T extends Element>(selector: string): T {
    const found = this.querySelector<T>(selector);
    if (!found) throw new Error(`<duplex-playground> is missing ${selector}`);
    return found;
  }

  connectedCallback() {
    this.#part('[data-action="run"]').addEventListener('click', () => void this.run());
    this.#part('[data-action="stop"]').addEventListener('click', () => this.stop());
    this.#part('[data-action="edit"]').addEventListener('click', () => void this.edit());
    this.#part('[data-action="reset"]').addEventListener('click', () => this.reset());
    const code = this.#part<HTMLElement>('[data-role="code"]');
    // Clicking or focusing the static code is intent to edit.
    code.addEventListener('click', () => void this.edit());
    code.addEventListener('focusin', () => void this.edit(), { once: true });
    this.dataset.ready = '';
  }

  disconnectedCallback() {
    this.stop();
  }

  async edit(): Promise<CodeEditor> {
    this.#editorLoading ??= (async () => {
      const language = this.dataset.language === 'typescript' ? 'typescript' : 'javascript';
      const { createEditor } = await import('./editor.ts');
      const host = this.#part<HTMLElement>('[data-role="editor"]');
      host.hidden = false;
      const editor = createEditor(host, this.dataset.current ?? this.#original, language, () => void this.run());
      this.#part<HTMLElement>('[data-role="code"]').hidden = true;
      this.#part<HTMLButtonElement>('[data-action="edit"]').hidden = true;
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
    const output = this.#part<HTMLOListElement>('[data-role="output"]');
    const state = this.#part<HTMLElement>('[data-role="state"]');
    output.replaceChildren();
    this.#setRunning(true);
    const [{ startRun }, { appendToOutput }, { describeConnection }] = await Promise.all([
      import('./runner.ts'),
      import('./output-view.ts'),
      import('./connection-state.ts'),
    ]);
    state.textContent = 'running';
    const code = this.code;
    this.dispatchEvent(new CustomEvent('duplex:run-start', { detail: { code }, bubbles: true }));
    this.#run = startRun(code, (event) => {
      appendToOutput(output, event);
      this.dispatchEvent(new CustomEvent('duplex:run-event', { detail: event, bubbles: true }));
      state.textContent = describeConnection(event, state.textContent ?? '');
      if (event.type === 'failed') this.dataset.status = 'failed';
    });
    this.dataset.status = 'running';
  }

  stop() {
    if (!this.#run) return;
    this.#run.stop();
    this.#run = null;
    this.#setRunning(false);
    this.#part<HTMLElement>('[data-role="state"]').textContent = 'stopped';
    this.dataset.status = 'stopped';
    this.dispatchEvent(new CustomEvent('duplex:run-stop', { detail: null, bubbles: true }));
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

  reset() {
    this.stop();
    delete this.dataset.current;
    this.#editor?.setValue(this.#original);
    this.#part<HTMLOListElement>('[data-role="output"]').replaceChildren();
  }

  #setRunning(running: boolean) {
    this.#part<HTMLButtonElement>('[data-action="stop"]').disabled = !running;
  }
}

customElements.define('duplex-playground', DuplexPlayground);
