import type { IncomingMessage } from 'node:http';

const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Cross-site WebSocket hijacking defence: browsers send `Origin` on every upgrade, and a page
 * on another site must not ride a learner's connection. Allowed: no Origin at all (wscat,
 * Python, curl: not a browser page), the server's own origin, any localhost origin, and the
 * configured list (`*` allows all).
 */
export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes('*') || allowed.includes(origin)) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return url.host === req.headers.host || localHosts.has(url.hostname);
}
