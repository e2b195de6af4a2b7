// One message in three frames, with a ping between them: the browser delivers one message.
// expect: the browser received one message: Hello, world
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const text = (s) => new TextEncoder().encode(s);

const lab = await serve((socket) => {
  socket.onData(async (bytes) => {
    if ((bytes[0] & 0x0f) === 0xa) return; // the browser's pong
    const key = /sec-websocket-key: (\S+)/i.exec(new TextDecoder().decode(bytes))[1];
    const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(key + GUID));
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${btoa(String.fromCharCode(...new Uint8Array(digest)))}\r\n\r\n`);
    socket.write(new Uint8Array([0x01, 0x05, ...text('Hello')])); // text, not FIN
    socket.write(new Uint8Array([0x89, 0x00])); // a ping may come between the pieces
    socket.write(new Uint8Array([0x00, 0x02, ...text(', ')])); // continuation, not FIN
    socket.write(new Uint8Array([0x80, 0x05, ...text('world')])); // continuation, FIN
  });
});
const ws = new WebSocket(lab.url);
ws.onmessage = (event) => log('the browser received one message:', event.data);
