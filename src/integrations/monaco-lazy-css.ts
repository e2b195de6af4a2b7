import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';

const PREFIX = '\0duplex-monaco-css:';
const SUFFIX = '.style.js'; // the id must not end in .css, or Vite's CSS pipeline claims it again

/**
 * Astro hoists the CSS of dynamically imported modules into every page's <head>
 * (withastro/astro#9495), which made Monaco's ~175 KB of CSS render-blocking on every lesson.
 * This plugin turns each CSS file imported from inside monaco-editor into a tiny JS module
 * that injects a <style> when the lazy Monaco chunk runs, so the CSS arrives with the editor.
 */
export function monacoLazyCss(): Plugin {
  return {
    name: 'duplex:monaco-lazy-css',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer || !source.endsWith('.css') || !importer.includes('/node_modules/monaco-editor/')) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved ? PREFIX + resolved.id + SUFFIX : null;
    },
    async load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -SUFFIX.length);
      const css = await readFile(file, 'utf8');
      // Relative url(...) (the codicon font) becomes an imported asset URL; data: URLs stay.
      const imports: string[] = [];
      const parts: string[] = [];
      let last = 0;
      for (const match of css.matchAll(/url\((['"]?)(\.{1,2}\/[^'")]+)\1\)/g)) {
        const name = `asset${imports.length}`;
        imports.push(`import ${name} from ${JSON.stringify(resolve(dirname(file), match[2] ?? '') + '?url')};`);
        parts.push(JSON.stringify(css.slice(last, match.index) + 'url('), name, JSON.stringify(')'));
        last = match.index + match[0].length;
      }
      parts.push(JSON.stringify(css.slice(last)));
      return `${imports.join('\n')}
const style = document.createElement('style');
style.dataset.source = 'monaco';
style.textContent = ${parts.join(' + ')};
document.head.append(style);`;
    },
  };
}
