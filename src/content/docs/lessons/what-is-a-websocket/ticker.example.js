// The ticker pushes a numbered tick every 100 ms on its own, and echoes what you send.
// Both sides speak whenever they like: watch both lanes of the traffic view fill at once.
const socket = connect('/ws/ticker?interval=100');

let ticks = 0;
socket.onmessage = (event) => {
  if (event.data.startsWith('{"type":"tick"')) ticks++;
};

// Meanwhile, talk to the server without waiting for it.
for (let n = 1; n <= 30; n++) {
  await sleep(130);
  socket.send(`hello ${n}`);
}
log(`sent 30 messages while ${ticks} ticks arrived`);
