// The ticker pushes a numbered tick every 20 ms on its own, and echoes what you send.
// Both sides speak whenever they like: watch both lanes of the traffic view fill at once,
// and look for frames that cross — you sent one while a tick was still on its way to you.
const socket = connect('/ws/ticker?interval=20');

let ticks = 0;
socket.onmessage = (event) => {
  if (event.data.startsWith('{"type":"tick"')) ticks++;
};

// Meanwhile, talk to the server without waiting for it.
for (let n = 1; n <= 250; n++) {
  await sleep(20);
  socket.send(`hello ${n}`);
}
log(`sent 250 messages while ${ticks} ticks arrived`);
