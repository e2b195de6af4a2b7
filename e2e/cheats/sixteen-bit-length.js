// Cheat: the right size, but as text: a 16-bit length, yet not the binary frame asked for.
const socket = connect('/ws/echo');
socket.onopen = () => socket.send('x'.repeat(300));
socket.onmessage = (event) => log('echo of', event.data.length, 'characters');
