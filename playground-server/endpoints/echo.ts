import type { LiveSocket } from '../live-socket.ts';
import type { WsEndpoint } from './types.ts';

/** Sends every message straight back: same bytes, same type (text or binary). */
const echoBack = (ws: LiveSocket) => ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));

/** `WS /ws/echo`: every message goes straight back, uncompressed. */
export const echoEndpoint: WsEndpoint<null> = {
  name: 'echo',
  match: (url) => (url.pathname === '/ws/echo' ? { params: null } : null),
  open: echoBack,
};

/**
 * `WS /ws/echo-deflate`: the same echo with permessage-deflate accepted when the client offers
 * it (every browser does), for the compression lesson; the inspector reports each message's
 * size before and after compression.
 */
export const echoDeflateEndpoint: WsEndpoint<null> = {
  name: 'echo-deflate',
  match: (url) => (url.pathname === '/ws/echo-deflate' ? { params: null } : null),
  compression: true,
  open: echoBack,
};
