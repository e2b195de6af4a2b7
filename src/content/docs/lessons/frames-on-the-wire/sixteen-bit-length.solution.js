// 300 bytes: too long for the 7-bit field (0–125), so the header uses 126 + a 16-bit length.
const socket = connect('/ws/echo');

socket.onopen = () => {
  const bytes = new Uint8Array(300).map((_, i) => i % 256);
  socket.send(bytes); // a typed array goes out as a binary frame (opcode 2)
};

socket.onmessage = (event) => {
  // The helper sets binaryType = 'arraybuffer', so binary echoes arrive as ArrayBuffers.
  log('binary echo of', event.data.byteLength, 'bytes');
};
