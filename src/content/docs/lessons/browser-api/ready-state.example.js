// readyState and bufferedAmount, watched over a socket's first moments.
const names = ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'];
const socket = connect('/ws/echo');
log(`just created: readyState ${socket.readyState} (${names[socket.readyState]})`);

socket.onopen = async () => {
  log(`onopen: readyState ${socket.readyState} (${names[socket.readyState]})`);
  socket.send(new Uint8Array(60_000)); // one big binary message
  log(`right after send(): bufferedAmount ${socket.bufferedAmount} bytes still in the browser`);
  while (socket.bufferedAmount > 0) await sleep(1);
  log('bufferedAmount 0: everything was handed to the network');
};

socket.onmessage = (event) => log(`echo of ${event.data.byteLength} bytes`);
// expect: just created: readyState 0 (CONNECTING)
// expect: onopen: readyState 1 (OPEN)
// expect: bufferedAmount 0: everything was handed to the network
// expect: echo of 60000 bytes
