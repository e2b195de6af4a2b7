// The listener remembers the seq of the last line it heard, and every reconnect asks for the
// lines after it: connect() calls the function before each attempt, so the URL is always fresh.
const room = `resume-${Math.random().toString(36).slice(2, 8)}`;
let lastSeq = 0;

const listener = connect(() => `/ws/chat/${room}?since=${lastSeq}`);
listener.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (message.type !== 'message') return;
  lastSeq = message.seq;
  log('heard seq', message.seq);
};

// The speaker is the platform WebSocket: the page drops only the listener's connection.
const speaker = new WebSocket(`/ws/chat/${room}`);
speaker.onopen = async () => {
  for (let n = 1; n <= 40; n++) {
    speaker.send(JSON.stringify({ type: 'say', text: `line ${n}` }));
    await sleep(150);
  }
  speaker.close();
};
