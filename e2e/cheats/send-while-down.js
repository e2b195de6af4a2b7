// Cheat: a send that waits in the queue only because the first connection has not opened yet.
const socket = connect('/ws/echo');
socket.send('while away');
socket.onmessage = (event) => log('echo:', event.data);
