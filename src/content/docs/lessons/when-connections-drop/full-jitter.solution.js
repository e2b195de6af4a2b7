// Full jitter: the cap doubles with each retry (up to 800 ms), and the wait is anywhere below it,
// so clients that failed together come back at scattered moments, and sooner on average.
const baseMs = 50;
const capMs = 800;
let retry = 0;

function attempt() {
  const socket = new WebSocket('/ws/gone');
  socket.onclose = (event) => {
    if (retry === 12) return log(`gave up after ${retry} retries`);
    const delay = Math.random() * Math.min(capMs, baseMs * 2 ** retry);
    log(`attempt ${retry + 1} failed (${event.code}); retrying in ${Math.round(delay)} ms`);
    retry++;
    setTimeout(attempt, delay);
  };
}

attempt();
