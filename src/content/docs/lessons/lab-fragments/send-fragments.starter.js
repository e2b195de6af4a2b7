// Stage 5, sending: echo each text message back in fragments, with a ping between two of them.
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

// One frame from the start of buf (§5.2), unmasked (§5.3); null while bytes are missing.
function readFrame(buf) {
  if (buf.length < 2) return null;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let length = buf[1] & 0x7f;
  let at = 2;
  if (length === 126) {
    if (buf.length < 4) return null;
    length = view.getUint16(2);
    at = 4;
  } else if (length === 127) {
    if (buf.length < 10) return null;
    length = Number(view.getBigUint64(2));
    at = 10;
  }
  if (buf.length < at + 4 + length) return null;
  const mask = buf.subarray(at, at + 4);
  const payload = buf.slice(at + 4, at + 4 + length);
  for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
  return { fin: (buf[0] & 0x80) !== 0, opcode: buf[0] & 0x0f, payload, size: at + 4 + length };
}

// §5.2, with FIN as a choice now: 0x80 on the last (or only) frame of a message, 0 before it.
function frame(opcode, payload, fin = true) {
  const n = payload.length;
  const start = n < 126 ? 2 : n < 65536 ? 4 : 10;
  const bytes = new Uint8Array(start + n);
  const view = new DataView(bytes.buffer);
  bytes[0] = (fin ? 0x80 : 0) | opcode;
  if (n < 126) bytes[1] = n;
  else if (n < 65536) { bytes[1] = 126; view.setUint16(2, n); }
  else { bytes[1] = 127; view.setBigUint64(2, BigInt(n)); }
  bytes.set(payload, start);
  return bytes;
}

// TODO: send the text back as at least three frames: the first with opcode 0x1 and FIN = 0, then
// continuations (opcode 0x0) with FIN = 0, the last with FIN = 1; and a ping between two of them.
function sendBack(socket, payload) {
  socket.write(frame(0x1, payload));
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
      if (f.opcode === 0x1) sendBack(socket, f.payload); // the browser's pong to your ping is ignored
      if (f.opcode === 0x8) {
        socket.write(frame(0x8, f.payload.subarray(0, 2)));
        return socket.end();
      }
    }
  }
});
