// The server allows each connection 100 messages per second. Send 150 at once and see it refuse.
const socket = connect('/ws/echo');
let echoes = 0;

socket.onopen = () => {
  for (let i = 1; i <= 150; i++) socket.send(`message ${i}`);
};
socket.onmessage = () => echoes++;
socket.onclose = (event) => {
  log(`closed by the server: ${event.code} "${event.reason}" after ${echoes} echoes`);
  log('1008 is final: the reconnecting socket does not retry a policy violation');
};
// expect: closed by the server: 1008
