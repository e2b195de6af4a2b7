// Short polling the shared feed: ask every second what is new since the last event seen.
// The server tells us, in a response header, how many bytes our own request head took.
let since = (await (await fetch('/poll/events', { cache: 'no-store' })).json()).latestSeq;

for (let i = 1; i <= 4; i++) {
  await sleep(1000);
  const response = await fetch(`/poll/events?since=${since}`, { cache: 'no-store' });
  const { events, latestSeq } = await response.json();
  since = latestSeq;
  const requestBytes = response.headers.get('x-duplex-request-bytes');
  log(`poll ${i}: ${events.length} new event(s); the request head alone was ${requestBytes} bytes`);
}
// expect: poll 4:
// expect: the request head alone was
