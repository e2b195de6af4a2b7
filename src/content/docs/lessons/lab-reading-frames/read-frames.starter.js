// Stage 2: read the browser's frames and echo each message, same type, same bytes.
// frame() is given (stage 3 is where you write it); readFrame() is yours.
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

async function acceptFor(key) {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(key + GUID));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

function concat(a, b) {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

// §5.2: FIN + opcode, then the length in 7, 16 or 64 bits. A server never masks.
function frame(opcode, payload) {
  const n = payload.length;
  const start = n < 126 ? 2 : n < 65536 ? 4 : 10;
  const bytes = new Uint8Array(start + n);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x80 | opcode;
  if (n < 126) bytes[1] = n;
  else if (n < 65536) { bytes[1] = 126; view.setUint16(2, n); }
  else { bytes[1] = 127; view.setBigUint64(2, BigInt(n)); }
  bytes.set(payload, start);
  return bytes;
}

// TODO §5.2, §5.3: one frame from the start of buf; null while bytes are missing.
// This version reads only 7-bit lengths and forgets to unmask the payload.
function readFrame(buf) {
  if (buf.length < 2) return null;
  const length = buf[1] & 0x7f; // 126: a 16-bit length follows; 127: a 64-bit one
  if (buf.length < 2 + 4 + length) return null;
  const payload = buf.slice(6, 6 + length); // each byte must be XORed with mask[i % 4] (buf[2..5])
  return { fin: (buf[0] & 0x80) !== 0, opcode: buf[0] & 0x0f, payload, size: 6 + length };
}

serve((socket) => {
  let buffer = new Uint8Array(0);
  let open = false;
  let queue = Promise.resolve();
  // One chunk at a time, in order, even while the handshake waits for its SHA-1.
  socket.onData((bytes) => (queue = queue.then(() => onBytes(bytes))));

  async function onBytes(bytes) {
    buffer = concat(buffer, bytes);
    if (!open) {
      const end = new TextDecoder().decode(buffer).indexOf('\r\n\r\n');
      if (end < 0) return; // the head may come in several pieces
      const key = /^sec-websocket-key:[ \t]*(\S+)/im.exec(new TextDecoder().decode(buffer.subarray(0, end)))?.[1] ?? '';
      buffer = buffer.subarray(end + 4);
      socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${await acceptFor(key)}\r\n\r\n`);
      open = true;
    }
    for (let f = readFrame(buffer); f !== null; f = readFrame(buffer)) {
      buffer = buffer.subarray(f.size);
      if (f.opcode === 0x1 || f.opcode === 0x2) socket.write(frame(f.opcode, f.payload)); // echo, same type
    }
  }
});
