// This code waits for each echo before it sends the next message, as if it were HTTP.
// Change it so that all three messages go out at once, without waiting for any reply.
const socket = new WebSocket('/ws/echo'); // the browser's own WebSocket
const messages = ['one', 'two', 'three'];
let next = 0;

socket.onopen = () => socket.send(messages[next++]);

socket.onmessage = (event) => {
  log('echo:', event.data);
  if (next < messages.length) socket.send(messages[next++]);
};
