// wait-ms: 16000
// Cheat: pings, but reconnects every 4 s whatever the answers, and logs a timeout it never measured.
const socket = connect('/ws/echo');
socket.onopen = () => log('open');
setInterval(() => {
  if (socket.readyState === socket.OPEN) socket.send('ping');
}, 500);
setInterval(() => {
  log('timeout detected: reconnecting');
  socket.reconnect();
}, 4000);
