// Send one message, and once its echo is back, end the conversation on purpose:
// close with an application code (4000–4999) and a short reason.
const socket = connect('/ws/echo');

socket.onopen = () => socket.send('last words');

socket.onmessage = (event) => {
  log('echo:', event.data);
  // close here
};

socket.onclose = (event) => log('closed', event.code, event.reason);
