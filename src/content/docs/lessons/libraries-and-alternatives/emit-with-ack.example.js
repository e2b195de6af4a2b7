// A taste of what Socket.IO adds on top of a socket: named events and acknowledgement callbacks.
// Here the "server" is the echo endpoint, so every emit is acknowledged by its own echo.
const socket = connect('/ws/echo');
const waiting = new Map();
let nextId = 1;

function emit(event, data, ack) {
  const id = ack ? nextId++ : undefined;
  if (ack) waiting.set(id, ack);
  socket.send(JSON.stringify({ event, data, id }));
}

socket.onmessage = (message) => {
  const { event, data, id } = JSON.parse(message.data);
  const ack = waiting.get(id);
  waiting.delete(id);
  if (ack) ack(data);
  else log(`event "${event}" without ack`, data);
};

socket.onopen = () => {
  emit('chat', { text: 'hi' }, (reply) => log('acknowledged:', reply));
  emit('typing', { on: true }); // fire and forget
};
// expect: acknowledged: {"text":"hi"}
// expect: event "typing" without ack {"on":true}
