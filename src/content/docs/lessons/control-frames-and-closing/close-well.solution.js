// 4000–4999 are free for applications: pick one and document what it means in your protocol.
const socket = connect('/ws/echo');

socket.onopen = () => socket.send('last words');

socket.onmessage = (event) => {
  log('echo:', event.data);
  socket.close(4000, 'conversation finished'); // the server answers with its own close frame
};

socket.onclose = (event) => log('closed', event.code, event.reason);
