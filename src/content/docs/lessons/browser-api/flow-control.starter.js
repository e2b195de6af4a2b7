// Upload 512 KiB as 32 binary chunks of 16 KiB over the browser's own WebSocket. This version
// pushes them all at once, so the browser has to hold most of it in memory. Before each send,
// wait until bufferedAmount is at most 64 KiB. (The check reads bufferedAmount itself at every
// send; the log line is for you.)
const socket = new WebSocket('/ws/echo');
socket.binaryType = 'arraybuffer';
const chunk = new Uint8Array(16 * 1024);
let echoed = 0;

socket.onopen = async () => {
  for (let i = 1; i <= 32; i++) {
    log(`chunk ${i}, bufferedAmount ${socket.bufferedAmount}`);
    socket.send(chunk);
  }
};

socket.onmessage = () => {
  if (++echoed === 32) log('all 32 chunks came back');
};
