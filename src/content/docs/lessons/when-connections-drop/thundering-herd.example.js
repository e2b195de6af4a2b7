// A server restarts and 1,000 clients notice at the same moment. When does each retry?
// Compare plain exponential backoff with "full jitter" (a random delay up to the backoff).
const clients = 1000;
const base = 500;
const cap = 8000;
const backoff = (attempt) => Math.min(cap, base * 2 ** attempt);
const fullJitter = (attempt) => Math.random() * backoff(attempt);

function busiestSecond(delayFor) {
  const perSecond = new Map();
  for (let c = 0; c < clients; c++) {
    let t = 0;
    for (let attempt = 0; attempt < 4; attempt++) {
      t += delayFor(attempt); // assume the server is still down for the first 3 retries
      const second = Math.floor(t / 1000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    }
  }
  return Math.max(...perSecond.values());
}

log(`no jitter:   at worst ${busiestSecond(backoff)} reconnect attempts in one second`);
log(`full jitter: at worst ${busiestSecond(fullJitter)} reconnect attempts in one second`);
log('half the average wait, and jitter spreads the herd out');
// expect: no jitter:   at worst 1000 reconnect attempts in one second
// expect: half the average wait
