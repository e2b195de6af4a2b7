import type { AstroIntegration } from 'astro';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesUnder } from './precompress.ts';

/**
 * Lesson pages fetch their islands' module scripts after the first paint, not before it.
 *
 * Why: Chrome fetches every `<script type="module" src>` at high priority as soon as the
 * preload scanner sees it, and on a slow link the eleven of a lesson (islands, their shared
 * chunks, the service worker's registration) shared the connection with the page itself before
 * anything was shown; Lighthouse's simulated mobile FCP counted them all on the critical path.
 * The lesson's HTML reads the same without them, and each island marks itself `data-ready`
 * once it runs, so nothing a reader sees waits on this. Production builds only; `astro dev` is
 * untouched. One inline loader per page replaces the tags, importing them in document order
 * once the first frame has been painted (a timeout queued from `requestAnimationFrame` runs
 * after that frame).
 */
const moduleScript = /<script type="module" src="(\/_astro\/[^"]+\.js)"><\/script>/g;

export function deferModuleScripts(html: string): string {
  const sources: string[] = [];
  const without = html.replace(moduleScript, (_tag, src: string) => (sources.push(src), ''));
  if (sources.length === 0) return html;
  if (!without.includes('</body>')) throw new Error('islands-after-paint: the page has no </body> to put its loader before');
  const loader = `<script type="module">requestAnimationFrame(()=>setTimeout(()=>{for(const src of ${JSON.stringify(sources)})import(src)}))</script>`;
  return without.replace('</body>', `${loader}</body>`);
}

export function islandsAfterPaint(): AstroIntegration {
  return {
    name: 'duplex:islands-after-paint',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        let pages = 0;
        for await (const path of filesUnder(join(fileURLToPath(dir), 'lessons'))) {
          if (!path.endsWith('.html')) continue;
          const html = await readFile(path, 'utf8');
          const deferred = deferModuleScripts(html);
          if (deferred !== html) (await writeFile(path, deferred), pages++);
        }
        logger.info(`${pages} lesson pages load their islands after first paint`);
      },
    },
  };
}
