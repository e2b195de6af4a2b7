// Cheat: three sends before the socket is open; connect()'s queue flushes them together on open.
const socket = connect('/ws/echo');
for (const text of ['one', 'two', 'three']) socket.send(text);
socket.onmessage = (event) => log('echo:', event.data);
