// Shared memory: every connection in one Set. A frame built once goes to all of them.
// expect: browser 1 received: to everyone
// expect: browser 2 received: to everyone
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const everyone = new Set();
const frame = new Uint8Array([0x81, 0x0b, ...new TextEncoder().encode('to everyone')]);

const lab = await serve((socket) => {
  socket.onClose(() => everyone.delete(socket));
  socket.onData(async (bytes) => {
    if (everyone.has(socket)) return;
    const key = /sec-websocket-key: (\S+)/i.exec(new TextDecoder().decode(bytes))[1];
    const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(key + GUID));
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${btoa(String.fromCharCode(...new Uint8Array(digest)))}\r\n\r\n`);
    everyone.add(socket);
    if (everyone.size === 2) for (const member of everyone) member.write(frame);
  });
});
for (const n of [1, 2]) new WebSocket(lab.url).onmessage = (event) => log(`browser ${n} received:`, event.data);
