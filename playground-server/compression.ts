import type { PerMessageDeflateOptions } from 'ws';

/**
 * permessage-deflate (RFC 7692) as the one compressing endpoint, `/ws/echo-deflate`, uses it.
 * Everything else keeps compression off: on small messages it costs more CPU than it saves.
 * - Context takeover stays on both ways (the RFC's default): each side keeps its LZ77 window
 *   between messages, so a message like an earlier one shrinks further. With takeover on, `ws`
 *   compresses every message whatever its size (its `threshold` applies only without takeover),
 *   which lets the lesson show a 2-byte message growing on the wire.
 * - `memLevel: 7`: half of zlib's default hash memory for each connection's deflate stream,
 *   which takeover keeps for the whole life of the connection.
 * - `concurrencyLimit`: at most 10 zlib jobs run at once in the process (ws's default, said
 *   out loud), so a burst of large messages queues instead of fragmenting memory.
 * The server's `maxPayload` applies to the inflated size, so a small message that inflates to
 * gigabytes is closed with 1009 before it is buffered.
 */
export const deflateOptions: PerMessageDeflateOptions = {
  concurrencyLimit: 10,
  zlibDeflateOptions: { memLevel: 7 },
};
