// Stay under the server's limit: 50,000 characters of ASCII are 50,000 bytes per message.
const document = 'x'.repeat(200_000);
const chunkSize = 50_000;
const socket = connect('/ws/echo');
let received = '';

socket.onopen = () => {
  for (let i = 0; i < document.length; i += chunkSize) socket.send(document.slice(i, i + chunkSize));
};
socket.onmessage = (event) => {
  received += event.data;
  if (received.length === document.length) log(`reassembled ${received.length}`);
};
socket.onclose = (event) => log('closed', event.code, event.reason);
