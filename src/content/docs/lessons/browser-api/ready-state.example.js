// readyState and bufferedAmount, watched over a socket's first moments (the browser's own WebSocket).
const names = ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'];
const socket = new WebSocket('/ws/echo');
socket.binaryType = 'arraybuffer';
log(`just created: readyState ${socket.readyState} (${names[socket.readyState]})`);

socket.onopen = async () => {
  log(`onopen: readyState ${socket.readyState} (${names[socket.readyState]})`);
  socket.send(new Uint8Array(60_000)); // one big binary message
  log(`right after send(): bufferedAmount ${socket.bufferedAmount} bytes still in the browser`);
  while (socket.bufferedAmount > 0) await sleep(1);
  log('bufferedAmount 0: everything was handed to the network');
};

socket.onmessage = (event) => log(`echo of ${event.data.byteLength} bytes`);

// A handshake that fails (no such endpoint: the server answers 404) never opens: 0, then 3.
const refused = new WebSocket('/ws/no-such-endpoint');
const seen = [refused.readyState];
refused.onerror = () => seen.push(refused.readyState);
refused.onclose = (event) => log(`failed handshake: readyState ${[...new Set(seen)].join(' → ')}, close ${event.code}`);
// expect: just created: readyState 0 (CONNECTING)
// expect: onopen: readyState 1 (OPEN)
// expect: bufferedAmount 0: everything was handed to the network
// expect: echo of 60000 bytes
// expect: failed handshake: readyState 0 → 3, close 1006
