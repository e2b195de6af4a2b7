// The bytes of one browser frame: accept the handshake, then print what arrives in hex.
// expect: 81 82
// expect: unmasked: hi
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

const lab = await serve((socket) => {
  let open = false;
  socket.onData(async (bytes) => {
    if (open) {
      log('frame:', hex(bytes)); // 81 = FIN + text, 82 = masked + length 2, 4 key bytes, 2 payload bytes
      const payload = bytes.slice(6).map((b, i) => b ^ bytes[2 + (i % 4)]);
      return log('unmasked:', new TextDecoder().decode(payload));
    }
    open = true; // a browser sends its head in one piece; a real server would wait for \r\n\r\n
    const key = /sec-websocket-key: (\S+)/i.exec(new TextDecoder().decode(bytes))[1];
    const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(key + GUID));
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${btoa(String.fromCharCode(...new Uint8Array(digest)))}\r\n\r\n`);
  });
});
const ws = new WebSocket(lab.url);
ws.onopen = () => ws.send('hi');
