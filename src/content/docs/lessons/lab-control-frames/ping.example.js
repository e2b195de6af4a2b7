// The browser answers a server's ping by itself: its page never sees either frame.
// expect: the browser answered: pong "anyone?"
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

const lab = await serve((socket) => {
  let open = false;
  socket.onData(async (bytes) => {
    if (open) {
      const payload = bytes.slice(6).map((b, i) => b ^ bytes[2 + (i % 4)]);
      const kind = (bytes[0] & 0x0f) === 0xa ? 'pong' : `opcode ${bytes[0] & 0x0f}`;
      return log(`the browser answered: ${kind} "${new TextDecoder().decode(payload)}"`);
    }
    open = true;
    const key = /sec-websocket-key: (\S+)/i.exec(new TextDecoder().decode(bytes))[1];
    const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(key + GUID));
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${btoa(String.fromCharCode(...new Uint8Array(digest)))}\r\n\r\n`);
    socket.write(new Uint8Array([0x89, 0x07, ...new TextEncoder().encode('anyone?')])); // FIN + ping, 7 bytes
  });
});
new WebSocket(lab.url);
