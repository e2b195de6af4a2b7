// Fault injection with the platform WebSocket: ask for a path the server does not serve. The
// upgrade is refused (404), so the socket never opens: readyState goes 0 → 3 and the close
// event says 1006, because no close frame was ever exchanged.
const states = [];
const socket = new WebSocket('/ws/no-such-endpoint');
states.push(socket.readyState);
socket.onopen = () => states.push('opened!');
socket.onerror = () => log('error event: the handshake failed');
socket.onclose = (event) => {
  states.push(socket.readyState);
  log(`readyState went ${states.join(' → ')}, close code ${event.code}, wasClean ${event.wasClean}`);
  log(states.join() === '0,3' && event.code === 1006 ? 'PASS a refused handshake closes with 1006, never opening' : 'FAIL');
};
// expect: readyState went 0 → 3, close code 1006, wasClean false
// expect: PASS a refused handshake closes with 1006, never opening
