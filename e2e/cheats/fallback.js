// wait-ms: 7000
// Cheat: the socket keeps retrying forever, while two polls land early.
const socket = connect('/ws/live');
let failures = 0;
socket.onclose = () => {
  if (++failures === 1) void poll();
};
async function poll() {
  for (let n = 1; n <= 3; n++) {
    await fetch('/poll/events?since=0', { cache: 'no-store' });
    log(`fallback: poll ${n}, 0 new event(s)`);
    await sleep(1000);
  }
}
