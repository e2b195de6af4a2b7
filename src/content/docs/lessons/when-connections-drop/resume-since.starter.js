// A speaker says a numbered line every 150 ms; a listener follows the room. Once the listener
// has heard 3 lines the page drops its connection, and connect() reconnects by itself.
// TODO: the listener comes back with no ?since=, so what was said while it was away is lost.
// Keep the seq of the last line it heard, and reconnect with ?since=<that seq>: give connect()
// a function instead of a path, and it asks that function before every attempt.
const room = `resume-${Math.random().toString(36).slice(2, 8)}`;

const listener = connect(`/ws/chat/${room}`);
listener.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (message.type === 'message') log('heard seq', message.seq);
};

const speaker = new WebSocket(`/ws/chat/${room}`);
speaker.onopen = async () => {
  for (let n = 1; n <= 40; n++) {
    speaker.send(JSON.stringify({ type: 'say', text: `line ${n}` }));
    await sleep(150);
  }
  speaker.close();
};
