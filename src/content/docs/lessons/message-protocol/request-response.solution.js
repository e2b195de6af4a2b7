// Correlation: each request gets an id; answers are routed to the waiting promise by that id.
// /ws/rpc answers requests in flight together newest first, so arrival order means nothing.
const socket = connect('/ws/rpc');
const pending = new Map();
let nextId = 1;

function request(body) {
  const id = nextId++;
  socket.send(JSON.stringify({ type: 'request', id, body }));
  return new Promise((resolve) => pending.set(id, resolve));
}

socket.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (message.type !== 'response' || !pending.has(message.id)) return; // nothing we asked for
  pending.get(message.id)(message);
  pending.delete(message.id);
};

socket.onopen = async () => {
  const answers = await Promise.all([request('first'), request('second'), request('third')]);
  for (const answer of answers) log(`reply ${answer.id}: ${answer.body}`);
};
