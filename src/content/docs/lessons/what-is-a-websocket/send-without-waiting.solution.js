// Nothing forces a WebSocket client to wait: send all three as soon as the socket is open,
// and let the replies arrive whenever they do.
const socket = connect('/ws/echo');

socket.onopen = () => {
  for (const text of ['one', 'two', 'three']) socket.send(text);
};

socket.onmessage = (event) => {
  log('echo:', event.data);
};
