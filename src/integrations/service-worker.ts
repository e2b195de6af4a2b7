import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The offline service worker (src/service-worker/sw.js), production builds only (`astro dev`
 * stays untouched): written to dist/sw.js at build end with the build's id, a hash of every
 * page's content and every file's name, so any change makes a new worker that replaces the old
 * cache. Pages register it once loaded; a page that was not yet under its control sends it what
 * it fetched, so the first visit is kept too.
 */
const register = `if ('serviceWorker' in navigator) addEventListener('load', () => {
  const wasControlled = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.register('/sw.js').then(() => navigator.serviceWorker.ready).then((registration) => {
    if (wasControlled) return;
    const urls = [location.pathname, ...performance.getEntriesByType('resource').map((entry) => entry.name)];
    registration.active?.postMessage({ type: 'cache-urls', page: location.pathname, urls });
  }).catch(() => {});
});`;

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
        if (command === 'build') injectScript('head-inline', register);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const id = await buildId(out);
        const source = await readFile(new URL('../service-worker/sw.js', import.meta.url), 'utf8');
        await writeFile(join(out, 'sw.js'), `const BUILD = ${JSON.stringify(id)};\n${source}`);
        logger.info(`sw.js for build ${id}`);
      },
    },
  };
}
