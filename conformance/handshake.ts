import { utf8 } from './bytes.ts';
import type { Target } from './target.ts';

/**
 * The opening handshake (RFC 6455 §4.1, §4.2.2): the client's Upgrade request and the checks
 * a client MUST make on the answer. SHA-1 comes from Web Crypto so this runs in browsers too.
 */

const acceptGuid = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
/** A server that sends more header than this is not answering a WebSocket handshake. */
const maxResponseHead = 16 * 1024;

/** §4.1: a fresh random 16-byte nonce, base64-encoded, for every connection. */
export function newKey(): string {
  return toBase64(globalThis.crypto.getRandomValues(new Uint8Array(16)));
}

/** §4.2.2 step 5.4: base64(SHA-1(key + GUID)). */
export async function acceptFor(key: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-1', utf8(key + acceptGuid));
  return toBase64(new Uint8Array(digest));
}

function toBase64(data: Uint8Array): string {
  return btoa(String.fromCharCode(...data));
}

export function upgradeRequest(target: Target, key: string): Uint8Array {
  return utf8(
    `GET ${target.resource} HTTP/1.1\r\n` +
      `Host: ${target.host}\r\n` +
      'Upgrade: websocket\r\n' +
      'Connection: Upgrade\r\n' +
      `Sec-WebSocket-Key: ${key}\r\n` +
      'Sec-WebSocket-Version: 13\r\n' +
      `Origin: ${target.origin}\r\n` +
      '\r\n',
  );
}

export interface UpgradeResponse {
  status: number;
  statusLine: string;
  /** Lower-cased names; repeated headers joined with ", " as HTTP allows. */
  headers: Record<string, string>;
}

/**
 * Splits the response head from what follows it (frames may share the packet with the 101).
 * Returns null while the head is incomplete, or an error once it can no longer be one.
 */
export function readResponseHead(
  received: Uint8Array,
): { response: UpgradeResponse; rest: Uint8Array } | { error: string } | null {
  const end = indexOfHeadEnd(received);
  if (end < 0) return received.length > maxResponseHead ? { error: `no end of the HTTP head within ${maxResponseHead} bytes` } : null;
  const lines = new TextDecoder('latin1').decode(received.subarray(0, end)).split('\r\n');
  const statusLine = lines[0] ?? '';
  const match = /^HTTP\/1\.1 (\d{3})(?: .*)?$/.exec(statusLine);
  if (!match) return { error: `not an HTTP/1.1 status line: ${JSON.stringify(statusLine.slice(0, 80))}` };
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) return { error: `malformed header line: ${JSON.stringify(line.slice(0, 80))}` };
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return { response: { status: Number(match[1]), statusLine, headers }, rest: received.slice(end + 4) };
}

function indexOfHeadEnd(data: Uint8Array): number {
  for (let i = 0; i + 3 < data.length; i++) {
    if (data[i] === 13 && data[i + 1] === 10 && data[i + 2] === 13 && data[i + 3] === 10) return i;
  }
  return -1;
}

/** Every reason §4.1 gives a client to fail the connection on this response; empty when it is valid. */
export function handshakeProblems(response: UpgradeResponse, expectedAccept: string): string[] {
  const problems: string[] = [];
  const { headers } = response;
  if (response.status !== 101) problems.push(`status ${response.statusLine} instead of 101 Switching Protocols`);
  if ((headers.upgrade ?? '').toLowerCase() !== 'websocket') problems.push(`Upgrade header is ${JSON.stringify(headers.upgrade ?? null)}, expected "websocket"`);
  const connection = (headers.connection ?? '').split(',').map((token) => token.trim().toLowerCase());
  if (!connection.includes('upgrade')) problems.push(`Connection header is ${JSON.stringify(headers.connection ?? null)}, expected the token "Upgrade"`);
  if (headers['sec-websocket-accept'] !== expectedAccept) {
    problems.push(`Sec-WebSocket-Accept is ${JSON.stringify(headers['sec-websocket-accept'] ?? null)}, expected ${JSON.stringify(expectedAccept)}`);
  }
  // We ask for no extension and no subprotocol, so the server must not pick any.
  if (headers['sec-websocket-extensions'] !== undefined) problems.push(`Sec-WebSocket-Extensions ${JSON.stringify(headers['sec-websocket-extensions'])} was not requested`);
  if (headers['sec-websocket-protocol'] !== undefined) problems.push(`Sec-WebSocket-Protocol ${JSON.stringify(headers['sec-websocket-protocol'])} was not requested`);
  return problems;
}
