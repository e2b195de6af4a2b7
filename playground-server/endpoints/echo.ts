import type { WsEndpoint } from './types.ts';

/** `WS /ws/echo`: every message goes straight back, same bytes, same type (text or binary). */
export const echoEndpoint: WsEndpoint<null> = {
  name: 'echo',
  match: (url) => (url.pathname === '/ws/echo' ? { params: null } : null),
  open(ws) {
    ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
  },
};
