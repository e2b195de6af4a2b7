// The browser starts every handshake with a fresh Sec-WebSocket-Key: 16 random bytes, base64.
// Make a few the same way, then open a real socket (its key is chosen by the browser, not by us).
for (let i = 0; i < 3; i++) {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const key = btoa(String.fromCharCode(...bytes));
  log(`Sec-WebSocket-Key: ${key}  (${key.length} characters)`);
}

const socket = connect('/ws/echo');
socket.onopen = () => log('101 Switching Protocols: the handshake is done, the connection now carries frames');
// expect: (24 characters)
// expect: 101 Switching Protocols
