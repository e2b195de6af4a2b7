// The page offers two versions of its protocol, best first, in Sec-WebSocket-Protocol; the server
// names the one it speaks in its 101. (Duplex's server, built on ws, takes the first one offered;
// a real server would pick only a version it knows.)
const socket = new WebSocket('/ws/echo', ['chat.v2', 'chat.v1']);
socket.onopen = () => {
  log(`the server chose ${socket.protocol}`);
  socket.close();
};

// The list is checked before anything is sent: each name once, and no spaces or commas in one.
for (const offer of [['chat.v1', 'chat.v1'], ['chat v1']]) {
  try {
    new WebSocket('/ws/echo', offer);
  } catch (error) {
    log(`${JSON.stringify(offer)} throws ${error.name}`);
  }
}
// expect: the server chose chat.v2
// expect: ["chat.v1","chat.v1"] throws SyntaxError
// expect: ["chat v1"] throws SyntaxError
