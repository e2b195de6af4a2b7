// Send one BINARY message long enough that its frame needs the 16-bit length field
// (a payload of 126 bytes or more, up to 65,535), and log the size of the echo.
const socket = connect('/ws/echo');

socket.onopen = () => {
  socket.send('hello'); // text, 5 bytes: fits the 7-bit length
};

socket.onmessage = (event) => {
  log('echo of', typeof event.data === 'string' ? event.data.length : event.data.byteLength, 'bytes');
};
