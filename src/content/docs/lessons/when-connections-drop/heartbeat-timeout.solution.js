// A heartbeat: ask twice a second, and count the link dead once 1.5 s pass with no answer. A
// blackholed link carries nothing and closes nothing, so this silence is the only sign.
const socket = connect('/ws/echo');
let lastHeard = 0;

socket.onopen = () => {
  lastHeard = Date.now(); // a fresh connection starts its own count
  log('open');
};
socket.onmessage = () => {
  lastHeard = Date.now();
};

setInterval(() => {
  if (socket.readyState !== socket.OPEN) return;
  if (Date.now() - lastHeard > 1500) {
    log('no answer for 1.5 s: the link is dead; reconnecting');
    socket.reconnect(); // closes this socket ourselves and opens a new connection
    return;
  }
  socket.send('ping');
}, 500);
