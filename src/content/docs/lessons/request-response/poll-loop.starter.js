// Turn this single request into a polling loop: ask five times, about 300 ms apart,
// and log one line per request that starts with "poll <n>".
const response = await fetch('/healthz', { cache: 'no-store' });
const body = await response.json();
log(`poll 1: ${body.status}`);
