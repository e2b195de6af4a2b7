// Cheat: relays each message to everyone, the sender included.
// A whole WebSocket server, written by hand (RFC 6455): handshake, frames both ways, ping/pong,
// the closing handshake, fragments, UTF-8 checks, and rooms.
//   /lab/<id>/room/<name>  relays each message to the other members of the room
//   /lab/<id>/…            anything else echoes each message back (what a conformance suite expects)
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const utf8 = new TextDecoder('utf-8', { fatal: true });
const rooms = new Map(); // room name → Set of sockets: the server's shared memory

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

// One frame from the start of `buf`: its fields and size, or null while bytes are missing.
function readFrame(buf) {
  if (buf.length < 2) return null;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const head = { fin: (buf[0] & 0x80) !== 0, rsv: buf[0] & 0x70, opcode: buf[0] & 0x0f, masked: (buf[1] & 0x80) !== 0 };
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
  if (!head.masked) return { ...head, length, size: at }; // the caller refuses it at once
  if (buf.length < at + 4 + length) return null;
  const mask = buf.subarray(at, at + 4);
  const payload = buf.slice(at + 4, at + 4 + length);
  for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4]; // §5.3: unmask
  return { ...head, length, payload, size: at + 4 + length };
}

// §7.4: the close codes a peer may send.
const validCloseCode = (code) => (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1011) || (code >= 3000 && code <= 4999);

serve((socket) => {
  let buffer = new Uint8Array(0);
  let state = 'handshake'; // → 'open' → 'closed'
  let message = null; // the fragmented message being reassembled: { opcode, parts }
  let room = null;
  let heartbeat = null;

  const closeWith = (code, reason = '') => {
    if (state === 'closed') return;
    state = 'closed';
    const text = new TextEncoder().encode(reason);
    const payload = new Uint8Array(2 + text.length);
    new DataView(payload.buffer).setUint16(0, code);
    payload.set(text, 2);
    socket.write(frame(0x8, payload));
    socket.end();
  };

  const deliver = (opcode, payload) => {
    if (opcode === 0x1) {
      try {
        utf8.decode(payload);
      } catch {
        return closeWith(1007, 'text is not valid UTF-8');
      }
    }
    const bytes = frame(opcode, payload);
    if (room === null) return socket.write(bytes);
    for (const other of rooms.get(room)) other.write(bytes);
  };

  const onFrame = (f) => {
    if (f.rsv !== 0) return closeWith(1002, 'reserved bits are set');
    if (!f.masked) return closeWith(1002, 'client frames must be masked');
    if (f.opcode >= 0x8) {
      if (!f.fin || f.length > 125) return closeWith(1002, 'control frames are short and never fragmented');
      if (f.opcode === 0x9) return socket.write(frame(0xa, f.payload)); // ping → pong, same payload
      if (f.opcode === 0xa) return; // the answer to our own ping
      if (f.opcode !== 0x8) return closeWith(1002, `unknown opcode ${f.opcode}`);
      if (f.payload.length === 0) return closeWith(1000);
      if (f.payload.length === 1) return closeWith(1002, 'a close payload has 0 or at least 2 bytes');
      const code = new DataView(f.payload.buffer).getUint16(0);
      if (!validCloseCode(code)) return closeWith(1002, `close code ${code} is not one a peer may send`);
      try {
        utf8.decode(f.payload.subarray(2));
      } catch {
        return closeWith(1007, 'close reason is not valid UTF-8');
      }
      return closeWith(code); // echo the code: the closing handshake
    }
    if (f.opcode === 0x0) {
      if (message === null) return closeWith(1002, 'a continuation with nothing to continue');
      message.parts.push(f.payload);
      if (!f.fin) return;
      const whole = message.parts.reduce(concat);
      const opcode = message.opcode;
      message = null;
      return deliver(opcode, whole);
    }
    if (f.opcode !== 0x1 && f.opcode !== 0x2) return closeWith(1002, `unknown opcode ${f.opcode}`);
    if (message !== null) return closeWith(1002, 'a new message before the last one ended');
    if (f.fin) return deliver(f.opcode, f.payload);
    message = { opcode: f.opcode, parts: [f.payload] };
  };

  const handshake = async () => {
    const end = new TextDecoder().decode(buffer).indexOf('\r\n\r\n');
    if (end < 0) return false; // the head may come in several pieces
    const head = new TextDecoder().decode(buffer.subarray(0, end));
    buffer = buffer.subarray(end + 4);
    const key = /^sec-websocket-key:[ \t]*(\S+)/im.exec(head)?.[1];
    if (!key || !/^get /i.test(head)) {
      state = 'closed';
      socket.write('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n');
      return socket.end();
    }
    const path = head.split(' ')[1];
    room = /\/room\/([\w-]+)$/.exec(path)?.[1] ?? null;
    if (room !== null) rooms.set(room, (rooms.get(room) ?? new Set()).add(socket));
    const accept = await acceptFor(key);
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    state = 'open';
    heartbeat = setInterval(() => state === 'open' && socket.write(frame(0x9, new Uint8Array(0))), 15000);
    return true;
  };

  let busy = false;
  const pump = async () => {
    if (busy) return;
    busy = true;
    if (state === 'handshake' && !(await handshake())) return void (busy = false);
    while (state === 'open') {
      const f = readFrame(buffer);
      if (f === null) break;
      buffer = buffer.subarray(f.size);
      onFrame(f);
    }
    busy = false;
  };

  socket.onData((bytes) => {
    if (state === 'closed') return;
    buffer = concat(buffer, bytes);
    void pump();
  });
  socket.onClose(() => {
    state = 'closed';
    clearInterval(heartbeat);
    rooms.get(room)?.delete(socket);
  });
});
log('server ready: connect a browser to the lab');
