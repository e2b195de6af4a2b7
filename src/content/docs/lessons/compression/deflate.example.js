// The browser offers permessage-deflate on every socket; only /ws/echo-deflate accepts it.
// Open the traffic view's frames: the server's counts show payload bytes and bytes on the wire.
const roster = JSON.stringify(Array.from({ length: 50 }, (_, id) => ({ id, status: 'online', room: 'lobby' })));
const sent = [roster, roster, 'hi'];

const plain = connect('/ws/echo');
plain.onopen = () => {
  log('/ws/echo accepted:', plain.extensions || '(no extension)');
  plain.close();
};

const deflate = connect('/ws/echo-deflate');
deflate.onopen = () => {
  log('/ws/echo-deflate accepted:', deflate.extensions);
  deflate.send(roster); // 2,141 bytes of JSON that repeats itself: a few hundred on the wire
  deflate.send(roster); // the same again: context takeover makes it cheaper still
  deflate.send('hi'); // 2 bytes: compressed, it costs more than it saves
};

let echoes = 0;
deflate.onmessage = (event) => {
  const expected = sent[echoes++];
  log(`echo ${echoes}: ${event.data.length} characters, same as sent: ${event.data === expected}`);
  if (echoes === sent.length) deflate.close();
};
// expect: /ws/echo accepted: (no extension)
// expect: /ws/echo-deflate accepted: permessage-deflate
// expect: echo 1: 2141 characters, same as sent: true
// expect: echo 3: 2 characters, same as sent: true
