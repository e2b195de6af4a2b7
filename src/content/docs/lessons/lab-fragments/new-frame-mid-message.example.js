// The usual mistake: a new text frame while a message is still open. The browser fails the
// connection; its close frame tells the server 1002, while the page's close event says 1006.
// expect: the browser's close frame to your server: 1002
// expect: the page's close event: 1006 (not clean)
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const text = (s) => new TextEncoder().encode(s);

const lab = await serve((socket) => {
  let open = false;
  socket.onData(async (bytes) => {
    if (!open) {
      open = true;
      const key = /sec-websocket-key: (\S+)/i.exec(new TextDecoder().decode(bytes))[1];
      const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(key + GUID));
      socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${btoa(String.fromCharCode(...new Uint8Array(digest)))}\r\n\r\n`);
      socket.write(new Uint8Array([0x01, 0x03, ...text('Hel')])); // text, not FIN: a message begins
      socket.write(new Uint8Array([0x81, 0x02, ...text('lo')])); // wrong: text again, where 0x80 (continuation, FIN) belongs
      return;
    }
    if ((bytes[0] & 0x0f) !== 0x8) return;
    // The browser's close frame, masked like every client frame: the code is the first two payload bytes.
    const mask = bytes.subarray(2, 6);
    const code = ((bytes[6] ^ mask[0]) << 8) | (bytes[7] ^ mask[1]);
    log("the browser's close frame to your server:", code);
  });
});
const ws = new WebSocket(lab.url);
ws.onmessage = (event) => log('message:', event.data); // never: the message was never finished
ws.onclose = (event) => log("the page's close event:", event.code, event.wasClean ? '(clean)' : '(not clean)');
