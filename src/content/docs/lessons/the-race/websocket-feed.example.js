// The same feed over a WebSocket: no asking, the server sends each event as it happens.
const socket = connect('/ws/events');
let count = 0;

socket.onmessage = (message) => {
  const event = JSON.parse(message.data);
  const latency = Date.now() - event.at; // one machine, one clock: a fair comparison
  if (++count <= 3) log(`event ${event.seq} arrived ${latency} ms after it was published (${message.data.length} bytes of payload)`);
};
// expect: arrived
