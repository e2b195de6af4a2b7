import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import sirv from 'sirv';

/**
 * How long a browser may keep a file of the built site. Astro names everything under `/_astro/`
 * by content hash, so such a file never changes under its URL: cache it for a year and never
 * revalidate. Everything else (HTML, Pagefind's index, the service worker) keeps its URL across
 * builds: the browser may store it but asks again each time, and an unchanged file costs a 304.
 */
export function cacheControlFor(pathname: string): string {
  return pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export type StaticHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * The built site through sirv: it picks the `.br`/`.gz` twin written at build time by
 * `Accept-Encoding` and says `Vary: Accept-Encoding`; ETags make revalidation a 304.
 * Files are looked up per request (sirv's `dev` lookup; our Cache-Control still wins), not listed
 * once at start: `npm start` in a second terminal rebuilds the folder under a running server, and a
 * listing taken before would serve new files with old lengths, or files that are gone.
 */
export function staticSite(siteDir: string): StaticHandler {
  const serve = sirv(siteDir, {
    dev: true,
    etag: true,
    brotli: true,
    gzip: true,
    extensions: ['html'],
    setHeaders: (res, pathname) => res.setHeader('Cache-Control', cacheControlFor(pathname)),
  });
  return (req, res, next) => {
    res.once('pipe', (file) => {
      // A file deleted by a rebuild between sirv's lookup and its open fails that one read stream,
      // which sirv leaves without an error listener (the whole process would die): end that response.
      file.once('error', () => res.destroy());
      capAtDeclaredLength(res, file);
    });
    serve(req, res, next);
  };
}

/**
 * A file a rebuild rewrites while it streams (the build writes in place) can grow under the
 * reader: bytes past the Content-Length sent would be read by the browser as the start of the
 * next response on that keep-alive connection. Cut the body there; the page is revalidated next time.
 */
function capAtDeclaredLength(res: ServerResponse, file: Readable): void {
  let left = Number(res.getHeader('content-length'));
  if (!Number.isSafeInteger(left)) return;
  const write = res.write.bind(res) as (chunk: Buffer) => boolean;
  res.write = ((chunk: Buffer) => {
    if (chunk.byteLength <= left) {
      left -= chunk.byteLength;
      return write(chunk);
    }
    // Grown past what was announced: send what was, stop reading (so no 'end' will come) and end here.
    file.destroy();
    if (left > 0) write(chunk.subarray(0, left));
    left = 0;
    res.end();
    return false;
  }) as typeof res.write;
}
