// The server is "down": /ws/gone refuses every upgrade, so each attempt fails at once.
// Reconnect with exponential backoff and FULL jitter: before retry n (counting from 0), wait a
// random time between 0 and min(800, 50 × 2^n) ms. Make 12 retries, then give up.
let retry = 0;

function attempt() {
  const socket = new WebSocket('/ws/gone');
  socket.onclose = (event) => {
    if (retry === 12) return log(`gave up after ${retry} retries`);
    const delay = 2000; // TODO: exponential backoff with full jitter
    log(`attempt ${retry + 1} failed (${event.code}); retrying in ${Math.round(delay)} ms`);
    retry++;
    setTimeout(attempt, delay);
  };
}

attempt();
