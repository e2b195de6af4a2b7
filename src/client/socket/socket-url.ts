/**
 * `ws:` or `wss:` for a path on an http(s) origin: the one place that rule is written. Its own
 * module, so a lesson demo that needs only the URL does not load the socket class with it.
 */
export function socketUrl(path: string, origin: string): string {
  const url = new URL(path, origin);
  url.protocol = url.protocol === 'https:' || url.protocol === 'wss:' ? 'wss:' : 'ws:';
  return url.href;
}
