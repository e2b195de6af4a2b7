// A page without WebSockets can only learn something by asking. Ask the server three times.
for (let i = 1; i <= 3; i++) {
  const started = performance.now();
  const response = await fetch('/healthz', { cache: 'no-store' });
  const body = await response.json();
  // Each answer carries a full set of HTTP headers, news or not. Count their bytes roughly.
  let headerBytes = 0;
  for (const [name, value] of response.headers) headerBytes += name.length + value.length + 4;
  const ms = Math.round(performance.now() - started);
  log(`request ${i}: ${response.status} in ${ms} ms, ~${headerBytes} bytes of response headers, uptime ${body.uptimeSeconds} s`);
  await sleep(500);
}
log('done: every answer was to a question; the server never spoke first');
// expect: request 3: 200
// expect: the server never spoke first
