// Short polling: ask, wait, ask again. Most answers will say nothing new.
for (let n = 1; n <= 5; n++) {
  const response = await fetch('/healthz', { cache: 'no-store' });
  const body = await response.json();
  log(`poll ${n}: ${body.status}, uptime ${body.uptimeSeconds} s`);
  if (n < 5) await sleep(300);
}
