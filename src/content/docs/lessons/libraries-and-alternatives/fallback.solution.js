// maxRetries: 1 allows the first attempt and one retry; onclose counts the failures.
const socket = connect('/ws/live', { maxRetries: 1 });
let failures = 0;

socket.onopen = () => log('live over WebSocket');
socket.onmessage = (event) => log('event', event.data);
socket.onclose = () => {
  failures++;
  if (failures === 2) void pollInstead();
};

async function pollInstead() {
  let since = 0;
  for (let n = 1; n <= 3; n++) {
    const response = await fetch(`/poll/events?since=${since}`, { cache: 'no-store' });
    const { events, latestSeq } = await response.json();
    since = latestSeq;
    log(`fallback: poll ${n}, ${events.length} new event(s)`);
    await sleep(1000);
  }
}
