import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/typescript/register';
import { typescriptDefaults } from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import { playgroundGlobalsDts } from './globals-dts.ts';
import { useOutlineForJavaScript } from './js-intellisense.ts';

/**
 * Monaco, loaded only when a learner shows intent (this module is always imported lazily).
 * Bundled workers (not a CDN) so the editor works offline on a workshop LAN.
 */
self.MonacoEnvironment = {
  // The TypeScript worker is asked for by TypeScript models only (see js-intellisense.ts).
  getWorker: (_id, label) => (label === 'typescript' ? new TypeScriptWorker() : new EditorWorker()),
};

typescriptDefaults.addExtraLib(playgroundGlobalsDts, 'file:///duplex-playground-globals.d.ts');
useOutlineForJavaScript(playgroundGlobalsDts);

export interface CodeEditor {
  getValue(): string;
  /** Replaces the code; with a language, switches the editor to it (a .js or .ts model). */
  setValue(code: string, language?: 'javascript' | 'typescript'): void;
  focus(): void;
  /** Underlines where the run failed (Monaco's error marker, which screen readers announce too). */
  markError(line: number, column: number, message: string): void;
  clearError(): void;
}

// Monaco's line numbers are too faint to read (WCAG AA asks 4.5:1): same themes, numbers at 7:1 (dark) and 5.7:1 (light).
// vs-dark's comment green is 4.2:1 on its background: a lighter green keeps the hue at 6:1.
monaco.editor.defineTheme('duplex-dark', { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: '7ca668' }], colors: { 'editorLineNumber.foreground': '#a8a8a8', 'editorLineNumber.activeForeground': '#e0e0e0' } });
monaco.editor.defineTheme('duplex-light', { base: 'vs', inherit: true, rules: [], colors: { 'editorLineNumber.foreground': '#666666', 'editorLineNumber.activeForeground': '#1e1e1e' } });
const themeFor = () => (document.documentElement.dataset.theme === 'light' ? 'duplex-light' : 'duplex-dark');

let nextModel = 1;

const newModel = (code: string, language: 'javascript' | 'typescript') =>
  monaco.editor.createModel(code, language, monaco.Uri.parse(`file:///playground-${nextModel++}.${language === 'typescript' ? 'ts' : 'js'}`));

export function createEditor(host: HTMLElement, code: string, language: 'javascript' | 'typescript', onRun: () => void): CodeEditor {
  let model = newModel(code, language);
  const editor = monaco.editor.create(host, {
    model,
    theme: themeFor(),
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    tabSize: 2,
    ariaLabel: 'Playground code editor. Press Control+Enter to run; press Control+M, then Tab, to leave the editor.',
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, onRun);
  // Follow Starlight's light/dark switch while the editor is open.
  new MutationObserver(() => monaco.editor.setTheme(themeFor())).observe(document.documentElement, { attributeFilter: ['data-theme'] });
  return {
    getValue: () => model.getValue(),
    setValue: (next, nextLanguage) => {
      if (!nextLanguage || nextLanguage === model.getLanguageId()) return model.setValue(next);
      const old = model;
      model = newModel(next, nextLanguage);
      editor.setModel(model);
      old.dispose();
    },
    focus: () => editor.focus(),
    markError: (line, column, message) => {
      const word = model.getWordAtPosition({ lineNumber: line, column });
      monaco.editor.setModelMarkers(model, 'duplex-run', [
        { severity: monaco.MarkerSeverity.Error, message, startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: word ? word.endColumn : model.getLineMaxColumn(line) },
      ]);
    },
    clearError: () => monaco.editor.setModelMarkers(model, 'duplex-run', []),
  };
}
