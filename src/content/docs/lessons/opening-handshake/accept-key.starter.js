// Compute Sec-WebSocket-Accept for a key, as the server does in its 101 response.
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

async function acceptFor(key) {
  // Not right yet: this base64-encodes the text itself. RFC 6455 hashes it with SHA-1 first,
  // then base64-encodes the 20 bytes of the digest.
  return btoa(key + GUID);
}

// RFC 6455's example key, and `sampleKey`: a fresh key made for this run, as a browser makes one.
for (const key of ['dGhlIHNhbXBsZSBub25jZQ==', sampleKey]) {
  log(key, '→', await acceptFor(key));
}
