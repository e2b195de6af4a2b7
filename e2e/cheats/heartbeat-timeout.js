// wait-ms: 22000
// Cheat: pings, but never measures the silence: one reconnect() timed 4.5 s after the first answer,
// which lands inside the window after the first blackhole in most runs. The second blackhole is
// never noticed.
const socket = connect('/ws/echo');
let timed = false;
socket.onopen = () => log('open');
socket.onmessage = () => {
  if (timed) return;
  timed = true;
  setTimeout(() => {
    log('timeout detected: reconnecting');
    socket.reconnect();
  }, 4500);
};
setInterval(() => {
  if (socket.readyState === socket.OPEN) socket.send('ping');
}, 500);
