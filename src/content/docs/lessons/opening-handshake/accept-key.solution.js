// Sec-WebSocket-Accept = base64( SHA-1( key + GUID ) ), with the GUID fixed by RFC 6455.
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

async function acceptFor(key) {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(key + GUID));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

for (const key of ['dGhlIHNhbXBsZSBub25jZQ==', 'x3JJHMbDL1EzLkh9GBhXDw==']) {
  log(key, '→', await acceptFor(key));
}
