// Cheat: a good code and reason, but the socket is closed before any echo has arrived.
const socket = connect('/ws/echo');
socket.onopen = () => {
  socket.send('hello');
  socket.close(4000, 'finished');
};
