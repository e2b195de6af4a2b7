// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { monacoLazyCss } from './src/integrations/monaco-lazy-css.ts';
import { liveEndpointsInDev } from './src/integrations/live-endpoints-in-dev.ts';
import { precompress } from './src/integrations/precompress.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';

export default defineConfig({
  // Starlight's prefetch would fetch pages the reader never asked for; lessons stay lean.
  prefetch: false,
  server: { port: 4321, host: 'localhost' },
  // Render-blocking CSS was a round trip before first paint on every page: it now comes inside
  // the HTML (about 12 KB compressed), which is revalidated anyway.
  build: { inlineStylesheets: 'always' },
  integrations: [
    starlight({
      title: 'Duplex',
      description: 'Learn WebSockets by watching them: live lessons, playgrounds and workshops.',
      logo: { src: './src/assets/duplex-mark.svg', alt: '' },
      // The sidebar is built from lesson frontmatter (chapter, order) in src/route-middleware.ts.
      routeMiddleware: './src/route-middleware.ts',
      customCss: ['./src/styles/duplex.css'],
      // Expressive Code's stylesheet was the one render-blocking request left before first paint:
      // its 3.5 KB (compressed) now come inside the HTML, with the first code block.
      expressiveCode: { emitExternalStylesheet: false },
      // The right-hand table of contents caused layout shift; lessons are short anyway.
      tableOfContents: false,
      lastUpdated: false,
      pagination: true,
      editLink: undefined,
      // Lesson pages get their objectives and progress under the title.
      components: {
        PageTitle: './src/components/LessonHeader.astro',
        // Pagefind's UI is fetched when search opens, not with every page.
        Search: './src/components/Search.astro',
        // The header links to /playground/ and /workshop/ (HeaderLinks renders Starlight's own icons after them).
        SocialIcons: './src/components/HeaderLinks.astro',
      },
    }),
    liveEndpointsInDev(),
    serviceWorker(),
    // Last: it compresses what the integrations before it wrote at build end (Pagefind's files).
    precompress(),
  ],
  vite: {
    plugins: [monacoLazyCss()],
    worker: { format: 'es' },
    build: { chunkSizeWarningLimit: 4096 },
  },
});
