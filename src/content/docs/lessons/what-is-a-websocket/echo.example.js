// Open one WebSocket to the echo endpoint. The server sends back every message unchanged.
const socket = connect('/ws/echo');

socket.onopen = () => {
  log('connected: one TCP connection, open in both directions');
  socket.send('hello, duplex');
};

socket.onmessage = (event) => {
  log('the server said:', event.data);
};
// expect: the server said: hello, duplex
