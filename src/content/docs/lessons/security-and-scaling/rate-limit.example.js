// The server lets each connection send a burst of 1,000 messages, then 100 per second.
// Send 1,500 at once: the bucket runs dry and the server refuses the flood.
const socket = connect('/ws/echo');
let echoes = 0;

socket.onopen = () => {
  for (let i = 1; i <= 1500; i++) socket.send(`message ${i}`);
};
socket.onmessage = () => echoes++;
socket.onclose = (event) => {
  log(`closed by the server: ${event.code} "${event.reason}" after ${echoes} echoes`);
  log('1008 is final: the reconnecting socket does not retry a policy violation');
};
// expect: closed by the server: 1008
