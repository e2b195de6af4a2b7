// reconnect() drops the connection and opens a new one. This code waits until the socket is
// open again before sending. Instead, send "while away" immediately after reconnect(), while
// the socket is down, and let the socket's queue deliver it once the connection is back.
const socket = connect('/ws/echo');
let dropped = false;

socket.onopen = async () => {
  if (dropped) {
    socket.send('after the reconnect');
    return;
  }
  dropped = true;
  log('open; now dropping the connection');
  socket.reconnect();
};

socket.onmessage = (event) => log('echo:', event.data);
