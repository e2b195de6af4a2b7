/**
 * A workshop's network: 30 attendees open the first lesson and then the editor at the same
 * moment, through one shared 20 Mbit/s link (a token-bucket relay). What each attendee requests
 * is what a real Chromium requested (recorded once); the attendees replay it with a browser's
 * habits: six keep-alive connections each, the page's assets after its HTML, and the editor's
 * chunks after the page. Reports the bytes that crossed the link and the time until the last
 * attendee has the editor.
 *   node bench/workshop-network.ts [server-url …]   (default: starts `npm run serve` on dist/)
 * Env: NETWORK_ATTENDEES (30), NETWORK_MBITS (20), ACCEPT_ENCODING (what Chromium sends to a
 * plain-http LAN address: brotli only goes over HTTPS or to localhost, so gzip is what a
 * workshop's attendees get).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { recordLessonVisit } from './browser-requests.ts';
import { startSharedLink } from './shared-link.ts';

const attendees = Number(process.env.NETWORK_ATTENDEES ?? 30);
const mbits = Number(process.env.NETWORK_MBITS ?? 20);
const acceptEncoding = process.env.ACCEPT_ENCODING ?? 'gzip, deflate';
const lessonPath = '/lessons/what-is-a-websocket/';
const deadline = setTimeout(() => {
  console.error('network benchmark took over 7 minutes: giving up');
  process.exit(1);
}, 420_000);

/**
 * One GET read to the end, as a browser would (the body is counted by the link, not here). A
 * keep-alive socket the server closed while the request was on its way is reset: browsers send
 * the request again on a new connection, and so does this (once).
 */
function get(base: string, path: string, agent: Agent, retried = false): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { agent, headers: { 'accept-encoding': acceptEncoding, accept: '*/*' } }, (res) => {
      if ((res.statusCode ?? 0) >= 400) reject(new Error(`${path}: HTTP ${res.statusCode}`));
      res.resume();
      res.on('end', () => resolve());
      res.on('error', reject);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (!retried && req.reusedSocket && error.code === 'ECONNRESET') resolve(get(base, path, agent, true));
      else reject(error);
    });
    req.end();
  });
}

async function attendee(base: string, visit: { page: string[]; editor: string[] }, startedAt: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: 6 });
  try {
    const [html, ...assets] = visit.page;
    await get(base, html!, agent);
    await Promise.all(assets.map((path) => get(base, path, agent)));
    const pageMs = performance.now() - startedAt;
    await Promise.all(visit.editor.map((path) => get(base, path, agent)));
    return { pageMs, editorMs: performance.now() - startedAt };
  } finally {
    agent.destroy();
  }
}

async function measure(serverUrl: string) {
  const visit = await recordLessonVisit(serverUrl, lessonPath);
  const { hostname, port } = new URL(serverUrl);
  const link = await startSharedLink({ host: hostname, port: Number(port) }, mbits * 1_000_000);
  const startedAt = performance.now();
  const results = await Promise.all(Array.from({ length: attendees }, () => attendee(link.url, visit, startedAt)));
  const lastMs = Math.max(...results.map((r) => r.editorMs));
  const sorted = results.map((r) => r.editorMs).sort((a, b) => a - b);
  const bytes = link.bytesDown;
  await link.close();
  return { requests: visit.page.length + visit.editor.length, bytes, lastMs, medianMs: sorted[Math.floor(sorted.length / 2)]!, lastPageMs: Math.max(...results.map((r) => r.pageMs)) };
}

async function startOwnServer() {
  const child = spawn(process.execPath, ['playground-server/main.ts', '--port', '0', '--host', '127.0.0.1', '--site-dir', 'dist'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  const url = /http:\/\/[\d.]+:\d+/.exec(line.toString())?.[0];
  if (!url) throw new Error(`server did not say where it runs: ${line}`);
  return { url, stop: () => child.kill('SIGTERM') };
}

const own = process.argv.length > 2 ? null : await startOwnServer();
const targets = own ? [own.url] : process.argv.slice(2);
try {
  console.log(`${attendees} attendees, one ${mbits} Mbit/s link, Accept-Encoding "${acceptEncoding}", ${lessonPath} then Edit\n`);
  for (const url of targets) {
    const r = await measure(url);
    console.log(
      `${url}: ${r.requests} requests each; ${(r.bytes / 1e6).toFixed(1)} MB over the link; last page ${(r.lastPageMs / 1000).toFixed(1)} s; ` +
        `editor: median ${(r.medianMs / 1000).toFixed(1)} s, last attendee ${(r.lastMs / 1000).toFixed(1)} s`,
    );
  }
} finally {
  own?.stop();
  clearTimeout(deadline);
}
