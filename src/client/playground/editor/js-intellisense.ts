import * as monaco from 'monaco-editor/editor';
import { javascriptDefaults } from 'monaco-editor/languages/features/typescript/register';
import { interfaceOf, outlineDts, type OutlineEntry } from './globals-outline.ts';

/**
 * JavaScript code gets completion and hover for the playground's globals from their outline, in
 * the page, so the TypeScript worker (1 MB compressed, more than the rest of the editor) never
 * loads for a JavaScript lesson. Mistakes show when the code runs (the runner marks the line).
 * TypeScript code keeps the full language service.
 */
export function useOutlineForJavaScript(dts: string): void {
  // No TypeScript feature for JavaScript models: none of them can then ask for the worker.
  javascriptDefaults.setModeConfiguration({});
  const { globals, members } = outlineDts(dts);

  monaco.languages.registerCompletionItemProvider('javascript', {
    triggerCharacters: ['.'],
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
      const before = model.getLineContent(position.lineNumber).slice(0, word.startColumn - 1);
      const owner = /(\w+)\.$/.exec(before)?.[1];
      if (owner === undefined) return { suggestions: globals.map((entry) => suggestion(entry, range)) };
      const type = interfaceOf(owner, model.getValue());
      return { suggestions: type ? (members[type] ?? []).map((entry) => suggestion(entry, range)) : [] };
    },
  });

  monaco.languages.registerHoverProvider('javascript', {
    provideHover(model, position) {
      const word = model.getWordAtPosition(position);
      if (!word) return null;
      const before = model.getLineContent(position.lineNumber).slice(0, word.startColumn - 1);
      const owner = /(\w+)\.$/.exec(before)?.[1];
      const type = owner === undefined ? null : interfaceOf(owner, model.getValue());
      const candidates = owner === undefined ? globals : type ? (members[type] ?? []) : [];
      const entry = candidates.find((candidate) => candidate.name === word.word);
      if (!entry) return null;
      return {
        range: { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn },
        contents: [{ value: `\`\`\`ts\n${entry.detail}\n\`\`\`` }, { value: entry.doc }],
      };
    },
  });
}

const kinds: Record<OutlineEntry['kind'], monaco.languages.CompletionItemKind> = {
  function: monaco.languages.CompletionItemKind.Function,
  constant: monaco.languages.CompletionItemKind.Constant,
  method: monaco.languages.CompletionItemKind.Method,
  property: monaco.languages.CompletionItemKind.Property,
};

function suggestion(entry: OutlineEntry, range: monaco.IRange): monaco.languages.CompletionItem {
  return { label: entry.name, kind: kinds[entry.kind], detail: entry.detail, documentation: entry.doc, insertText: entry.name, range };
}
