// The ticker echoes what we send while pushing ticks of its own, so answers arrive among noise.
// Make request(body) send {type: 'request', id, body} with a fresh id and return a promise that
// resolves with the answer carrying the same id. Send three requests at once, then log
// "reply <id>: <body>" for each. Ticks are not answers.
const socket = connect('/ws/ticker?interval=100');

function request(body) {
  socket.send(JSON.stringify({ type: 'request', body }));
}

socket.onmessage = (event) => {
  log('reply ?', event.data);
};

socket.onopen = () => {
  request('first');
  request('second');
  request('third');
};
