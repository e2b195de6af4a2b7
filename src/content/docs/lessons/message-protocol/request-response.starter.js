// /ws/rpc answers each {type: 'request', id, body} with {type: 'response', id, body}, but not in
// the order the requests came: requests in flight together are answered newest first.
// Make request(body) send {type: 'request', id, body} with a fresh id and return a promise that
// resolves with the answer carrying the same id. Send three requests at once, then log
// "reply <id>: <body>" for each.
const socket = connect('/ws/rpc');

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
