// A server frame by hand: 0x81 (FIN + text), 0x05 (unmasked, 5 bytes), then "hello".
// expect: the browser received: hello
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

const lab = await serve((socket) => {
  socket.onData(async (bytes) => {
    const key = /sec-websocket-key: (\S+)/i.exec(new TextDecoder().decode(bytes))[1];
    const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(key + GUID));
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${btoa(String.fromCharCode(...new Uint8Array(digest)))}\r\n\r\n`);
    socket.write(new Uint8Array([0x81, 0x05, ...new TextEncoder().encode('hello')]));
  });
});
const ws = new WebSocket(lab.url);
ws.onmessage = (event) => log('the browser received:', event.data);
