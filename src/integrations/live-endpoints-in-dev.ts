import type { AstroIntegration } from 'astro';

/**
 * `astro dev` serves lessons with hot reload; this mounts the playground server's live
 * endpoints (/ws/*, /healthz, …) inside Vite's own HTTP server, so the dev site and its
 * sockets share one origin and one port, exactly like production.
 */
export function liveEndpointsInDev(): AstroIntegration {
  return {
    name: 'duplex:live-endpoints-in-dev',
    hooks: {
      'astro:server:setup': async ({ server, logger }) => {
        const { createLiveEndpoints } = await import('../../playground-server/live-endpoints.ts');
        const { loadConfig } = await import('../../playground-server/config.ts');
        // Limits come from the environment (DUPLEX_*), as for `npm run serve`; flags belong to Astro here.
        const live = await createLiveEndpoints(loadConfig([], process.env));
        server.middlewares.use((req, res, next) => {
          if (!live.handleHttp(req, res)) next();
        });
        // Vite's HMR socket shares this server; it ignores our paths and we ignore its own.
        server.httpServer?.on('upgrade', (req, socket, head) => void live.handleUpgrade(req, socket, head));
        server.httpServer?.once('close', () => void live.close());
        logger.info('live endpoints mounted: /healthz, /metrics, /ws/*, /poll/*, /sse/*, /stats/*');
      },
    },
  };
}
