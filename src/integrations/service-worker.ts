import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { editorFiles } from '../service-worker/editor-files.ts';

/**
 * The offline service worker (src/service-worker/sw.js), production builds only (`astro dev`
 * stays untouched): written to dist/sw.js at build end with the build's id, a hash of every
 * page's content and every file's name, so any change makes a new worker that replaces the old
 * cache, and with the list of the editor's files (src/service-worker/editor-files.ts) to fetch
 * ahead. Pages register it from src/service-worker/register.ts.
 */
const register = fileURLToPath(new URL('../service-worker/register.ts', import.meta.url));

async function buildId(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (folder: string): Promise<void> => {
    for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else {
        hash.update(relative(dir, path));
        if (entry.name.endsWith('.html')) hash.update(await readFile(path));
      }
    }
  };
  await walk(dir);
  return hash.digest('hex').slice(0, 16);
}

export function serviceWorker(): AstroIntegration {
  return {
    name: 'duplex:service-worker',
    hooks: {
      'astro:config:setup': ({ command, injectScript }) => {
        // A bundled module on every page: it runs after parsing, never before first paint.
        if (command === 'build') injectScript('page', `import ${JSON.stringify(register)};`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const id = await buildId(out);
        const assets = join(out, '_astro');
        const names = await readdir(assets);
        const contents = new Map(await Promise.all(names.filter((name) => name.endsWith('.js')).map(async (name) => [name, await readFile(join(assets, name), 'utf8')] as const)));
        const editor = editorFiles([...contents.keys()], (name) => contents.get(name) ?? '');
        const source = await readFile(new URL('../service-worker/sw.js', import.meta.url), 'utf8');
        await writeFile(join(out, 'sw.js'), `const BUILD = ${JSON.stringify(id)};\nconst EDITOR = ${JSON.stringify(editor)};\n${source}`);
        logger.info(`sw.js for build ${id}; the editor prefetch is ${editor.length} files`);
      },
    },
  };
}
