// Build, byte by byte, the frame a browser writes for a text message, then send the real thing.
function clientFrame(text) {
  const payload = new TextEncoder().encode(text);
  const n = payload.length;
  const lengthBytes = n < 126 ? [n] : n < 65536 ? [126, n >> 8, n & 255] : null;
  if (!lengthBytes) throw new Error('this sketch stops at 64 KiB');
  const mask = crypto.getRandomValues(new Uint8Array(4));
  const header = [0x80 | 0x1, 0x80 | lengthBytes[0], ...lengthBytes.slice(1), ...mask]; // FIN + text, MASK + length
  const masked = payload.map((byte, i) => byte ^ mask[i % 4]);
  return new Uint8Array([...header, ...masked]);
}

const hex = (bytes) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');

for (const text of ['hello', 'x'.repeat(200)]) {
  const frame = clientFrame(text);
  log(`${text.length}-byte message → ${frame.length} bytes on the wire: ${hex(frame.slice(0, 12))} …`);
}

const socket = connect('/ws/echo');
socket.onopen = () => socket.send('hello');
socket.onmessage = (event) => log(`echoed: ${event.data} (the server's frame back is 2 + 5 = 7 bytes: servers do not mask)`);
// expect: 5-byte message → 11 bytes on the wire: 81 85
// expect: 200-byte message → 208 bytes on the wire: 81 fe 00 c8
// expect: echoed: hello
