// Server-Sent Events: one long HTTP response, read as a stream of events. EventSource does the
// parsing, remembers the last `id:` and reconnects on its own, sending Last-Event-ID.
const source = new EventSource('/sse/events');
let count = 0;

source.onopen = () => log('stream open: one GET, answered with text/event-stream');
source.onmessage = (message) => {
  const event = JSON.parse(message.data);
  log(`event ${event.seq} (lastEventId ${message.lastEventId}): ${event.data}`);
  if (++count === 3) {
    source.close();
    log('closed: SSE only goes server → client; to talk back, make an ordinary request');
  }
};
// expect: stream open
// expect: closed: SSE only goes server → client
