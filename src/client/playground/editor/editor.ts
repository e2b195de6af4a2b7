import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/typescript/register';
import { javascriptDefaults, typescriptDefaults } from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import { playgroundGlobalsDts } from './globals-dts.ts';

/**
 * Monaco, loaded only when a learner shows intent (this module is always imported lazily).
 * Bundled workers (not a CDN) so the editor works offline on a workshop LAN.
 */
self.MonacoEnvironment = {
  getWorker: (_id, label) => (label === 'typescript' || label === 'javascript' ? new TypeScriptWorker() : new EditorWorker()),
};

for (const defaults of [javascriptDefaults, typescriptDefaults]) {
  defaults.addExtraLib(playgroundGlobalsDts, 'file:///duplex-playground-globals.d.ts');
}

export interface CodeEditor {
  getValue(): string;
  /** Replaces the code; with a language, switches the editor to it (a .js or .ts model). */
  setValue(code: string, language?: 'javascript' | 'typescript'): void;
  focus(): void;
}

const themeFor = () => (document.documentElement.dataset.theme === 'light' ? 'vs' : 'vs-dark');

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
    ariaLabel: 'Playground code editor. Press Control+Enter to run.',
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
  };
}
