/** The GUID every WebSocket server appends to the key (RFC 6455 §1.3). */
export const websocketGuid = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** Sec-WebSocket-Accept for a Sec-WebSocket-Key: base64(SHA-1(key + GUID)), with Web Crypto. */
export async function acceptFor(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(key + websocketGuid));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}
