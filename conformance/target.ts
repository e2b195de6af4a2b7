/** The one server a run talks to, read from the `ws://` URL the user gave (nothing else is ever contacted). */
export interface Target {
  url: string;
  /** Without IPv6 brackets: what a socket connects to. */
  hostname: string;
  port: number;
  /** `Host` header value (RFC 7230 §5.4): host, and port when not the default. */
  host: string;
  /** Path and query of the upgrade request. */
  resource: string;
  /** The target's own origin: servers that check `Origin` (§10.2) accept same-origin clients. */
  origin: string;
}

/** The parsed target, or a sentence saying what is wrong with the URL. */
export function parseTarget(text: string): Target | { error: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { error: `"${text}" is not a URL; expected something like ws://localhost:8080/path` };
  }
  if (url.protocol === 'wss:') {
    return { error: 'wss:// is not supported: the suite writes raw frames over plain TCP, so test the server over ws://' };
  }
  if (url.protocol !== 'ws:') return { error: `the URL must start with ws:// (got ${url.protocol}//)` };
  if (url.username || url.password) return { error: 'the URL must not carry a user name or password' };
  if (url.hash) return { error: 'a WebSocket URL has no #fragment (RFC 6455 §3)' };
  return {
    url: url.href,
    hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? 80 : Number(url.port),
    host: url.host,
    resource: `${url.pathname}${url.search}`,
    origin: `http://${url.host}`,
  };
}
