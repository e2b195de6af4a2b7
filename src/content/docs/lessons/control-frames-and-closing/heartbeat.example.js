// Browsers cannot send WebSocket pings, so applications send their own "ping" messages.
// Against the echo endpoint every heartbeat comes straight back, which gives us a round-trip time.
const socket = connect('/ws/echo');
let beats = 0;

socket.onopen = async () => {
  while (beats < 3) {
    beats++;
    socket.send(JSON.stringify({ type: 'heartbeat', n: beats, sentAt: performance.now() }));
    await sleep(500);
  }
};

socket.onmessage = (event) => {
  const beat = JSON.parse(event.data);
  const rtt = (performance.now() - beat.sentAt).toFixed(1);
  log(`heartbeat ${beat.n} answered in ${rtt} ms: the connection is alive`);
};
// expect: heartbeat 3 answered in
