import { createServer, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.ts';
import { createLiveEndpoints } from './live-endpoints.ts';
import { rejectUpgrade } from './http-reply.ts';
import { staticSite } from './static-site.ts';

export interface RunningServer {
  server: Server;
  /** The URL the server answers on (with the real port when 0 was asked for). */
  url: string;
  close(): Promise<void>;
}

/** One port for everything: the built site, the HTTP endpoints and every WebSocket. */
export async function startServer(config: Config): Promise<RunningServer> {
  const live = await createLiveEndpoints(config);
  const siteDir = resolve(config.siteDir);
  const site = staticSite(siteDir);

  const server = createServer((req, res) => {
    if (live.handleHttp(req, res)) return;
    site(req, res, () => notFound(siteDir, res));
  });
  server.on('upgrade', (req, socket, head) => {
    if (!live.handleUpgrade(req, socket, head)) rejectUpgrade(socket, 404, 'WebSocket endpoints live under /ws/');
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  return {
    server,
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`,
    async close() {
      // Stop accepting, drop idle keep-alive sockets, then let live endpoints say goodbye.
      const httpClosed = new Promise<void>((done) => server.close(() => done()));
      server.closeIdleConnections();
      await live.close();
      // Answered long polls and ended event streams leave keep-alive sockets idle: close them too.
      server.closeIdleConnections();
      await httpClosed;
    },
  };
}

/** The site's own 404 page, read when needed: a rebuild may have replaced it, or built it for the first time. */
function notFound(siteDir: string, res: ServerResponse): void {
  const built = existsSync(join(siteDir, 'index.html'));
  const page = built ? readIfThere(join(siteDir, '404.html')) : null;
  res.writeHead(404, { 'content-type': page ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8' });
  res.end(page ?? `Not found. ${built ? '' : 'The site is not built: run `npm run build`.'}\n`);
}

function readIfThere(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null; // not built, or mid-rebuild
  }
}
