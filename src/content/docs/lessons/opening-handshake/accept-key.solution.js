// Sec-WebSocket-Accept = base64( SHA-1( key + GUID ) ), with the GUID fixed by RFC 6455.
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

async function acceptFor(key) {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(key + GUID));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

// RFC 6455's example key, and `sampleKey`: a fresh key made for this run, as a browser makes one.
for (const key of ['dGhlIHNhbXBsZSBub25jZQ==', sampleKey]) {
  log(key, '→', await acceptFor(key));
}
