// wait-ms: 10000
// Cheat: exponential backoff with no jitter at all, and log lines that claim random delays.
let retry = 0;
function attempt() {
  const socket = new WebSocket('/ws/gone');
  socket.onclose = () => {
    if (retry === 12) return;
    const delay = Math.min(800, 50 * 2 ** retry);
    log(`retrying in ${Math.round(Math.random() * delay)} ms (full jitter)`);
    retry++;
    setTimeout(attempt, delay);
  };
}
attempt();
