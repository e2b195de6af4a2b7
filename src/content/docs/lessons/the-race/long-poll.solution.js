// Carry `since` forward: ask only for what comes after the newest event already seen.
const start = await (await fetch('/poll/events', { cache: 'no-store' })).json();
let since = start.latestSeq;

for (let poll = 1; poll <= 5; poll++) {
  const response = await fetch(`/poll/long?since=${since}`, { cache: 'no-store' });
  const answer = await response.json();
  for (const event of answer.events) log(`event ${event.seq}: ${event.data}`);
  since = answer.latestSeq;
}
