import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** RFC 6455 §1.3: the GUID every server appends to the client's key. */
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** The Sec-WebSocket-Accept a server answers to a Sec-WebSocket-Key: base64(SHA-1(key + GUID)). */
export function acceptFor(key: string): string {
  return createHash('sha1').update(key + GUID).digest('base64');
}

/**
 * The request head as the client sent it, rebuilt from what Node's parser kept: the request
 * line, then `rawHeaders` (names in their original case and order, repeats kept) with `": "`
 * between name and value, then the blank line. Byte-exact for every browser and for any client
 * that writes one space after the colon and no trailing spaces; Node drops whitespace around
 * values and obsolete line folding, so such a head comes back normalised (PROTOCOL.md says so).
 */
export function rebuildRequestHead(req: IncomingMessage): Buffer {
  let head = `${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/${req.httpVersion}\r\n`;
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) head += `${raw[i]}: ${raw[i + 1]}\r\n`;
  // latin1: Node hands header bytes above 0x7f over as one char per byte; this puts them back.
  return Buffer.from(`${head}\r\n`, 'latin1');
}

/** Bytes of the request head as it crossed the wire: request line, headers and the blank line. */
export const requestHeadBytes = (req: IncomingMessage): number => rebuildRequestHead(req).length;
