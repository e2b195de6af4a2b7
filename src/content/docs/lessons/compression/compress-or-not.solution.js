// Repetition is what deflate feeds on: JSON with the same keys on every row shrinks a lot.
// Random bytes have no repetition to find, so "compressed" they come out a little larger.
const socket = connect('/ws/echo-deflate');

socket.onopen = () => {
  const rows = Array.from({ length: 40 }, (_, id) => ({ id, user: `user-${id}`, status: 'online', room: 'lobby' }));
  socket.send(JSON.stringify(rows));
  socket.send(crypto.getRandomValues(new Uint8Array(2000)));
};

socket.onmessage = (event) => log('echo of', typeof event.data === 'string' ? event.data.length : event.data.byteLength, 'bytes');
