// Nothing forces a WebSocket client to wait: send all three as soon as the socket is open,
// and let the replies arrive whenever they do.
const socket = new WebSocket('/ws/echo'); // the browser's own WebSocket

socket.onopen = () => {
  for (const text of ['one', 'two', 'three']) socket.send(text);
};

socket.onmessage = (event) => {
  log('echo:', event.data);
};
