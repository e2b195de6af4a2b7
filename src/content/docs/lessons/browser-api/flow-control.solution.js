// Flow control by hand: before each send, let the buffer drain below a high-water mark.
// This is the browser's own WebSocket (no reconnect, no queue): send only once it is open.
const socket = new WebSocket('/ws/echo');
socket.binaryType = 'arraybuffer';
const chunk = new Uint8Array(16 * 1024);
const highWaterMark = 64 * 1024;
let echoed = 0;

socket.onopen = async () => {
  for (let i = 1; i <= 32; i++) {
    while (socket.bufferedAmount > highWaterMark) await sleep(5);
    log(`chunk ${i}, bufferedAmount ${socket.bufferedAmount}`);
    socket.send(chunk);
  }
};

socket.onmessage = () => {
  if (++echoed === 32) log('all 32 chunks came back');
};
