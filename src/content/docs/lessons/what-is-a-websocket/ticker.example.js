// The ticker pushes a numbered tick every 300 ms on its own clock, and echoes whatever we send.
// We talk to it every 450 ms without waiting for the ticks: both directions at once, one socket.
const socket = connect('/ws/ticker?interval=300');

socket.onopen = async () => {
  for (let i = 1; i <= 4; i++) {
    await sleep(450);
    socket.send(`hello ${i}`);
  }
};

socket.onmessage = (event) => {
  if (event.data.startsWith('{')) log(`tick ${JSON.parse(event.data).n} (the server spoke first)`);
  else log(`echo of "${event.data}" arrived between ticks`);
};
// expect: tick 3 (the server spoke first)
// expect: echo of "hello 4" arrived between ticks
