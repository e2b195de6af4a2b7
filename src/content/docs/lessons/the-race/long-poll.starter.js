// A long-polling loop: each request is held by the server until there is something new.
// It has a bug: it never moves `since` forward, so it keeps receiving the same event.
// Fix it so that it logs "event <seq>" for three new events, each exactly once.
const start = await (await fetch('/poll/events', { cache: 'no-store' })).json();
let since = start.latestSeq;

for (let poll = 1; poll <= 5; poll++) {
  const response = await fetch(`/poll/long?since=${since}`, { cache: 'no-store' });
  const answer = await response.json();
  for (const event of answer.events) log(`event ${event.seq}: ${event.data}`);
}
