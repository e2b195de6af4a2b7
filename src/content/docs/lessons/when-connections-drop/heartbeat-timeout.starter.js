// Ask twice a second whether the server is still there: the echo answers each "ping".
// TODO: remember when the server was last heard from (an answer, or the open). When 1.5 s pass
// with nothing heard, the link is dead even though no close came: call socket.reconnect().
const socket = connect('/ws/echo');

socket.onopen = () => log('open');
socket.onmessage = (event) => log('answer:', event.data);

setInterval(() => {
  if (socket.readyState !== socket.OPEN) return;
  socket.send('ping');
}, 500);
