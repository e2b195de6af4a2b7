// The recording is the fixture: its requests are replayed as they were sent, and the assertion
// is on the frames that come back. /ws/rpc answers newest first, as it did for the user.
const file = new URL('/recordings/rpc-session.json', location.origin); // served by the lesson site
const recording = await (await fetch(file)).json();
const path = new URL(recording.sockets[0].url).pathname; // "/ws/rpc", without the old trace id
const requests = recording.frames.filter((frame) => frame.direction === 'up' && frame.opcode === 'text').map((frame) => frame.payload);
const asked = new Map(requests.map((text) => JSON.parse(text)).map((request) => [request.id, request.body]));

const socket = connect(path);
socket.onopen = () => {
  for (const text of requests) socket.send(text);
};
socket.onmessage = (event) => {
  const answer = JSON.parse(event.data);
  // The answer names its request: pair by id. The recorded client paired by order, hence the bug.
  if (asked.get(answer.id) === answer.body) log(`request ${answer.id}: ${answer.body}`);
  else log(`FAIL: the answer with id ${answer.id} says "${answer.body}", the request asked "${asked.get(answer.id)}"`);
};
