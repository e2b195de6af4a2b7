// Sends made while the socket is down wait in partysocket's queue (at most 100 here) and are
// flushed, in order, as soon as the new connection opens.
const socket = connect('/ws/echo');
let dropped = false;

socket.onopen = () => {
  if (dropped) return;
  dropped = true;
  log('open; now dropping the connection');
  socket.reconnect();
  socket.send('while away'); // not open now: queued
};

socket.onmessage = (event) => log('echo:', event.data);
