// A client test in miniature: a server that always answers the same way (the echo), every frame
// received kept in a list, and assertions on that list rather than on what was logged.
const frames = [];
const results = [];

function check(name, ok) {
  results.push(ok);
  log(`${ok ? 'PASS' : 'FAIL'} ${name}`);
}

/** Waits until `done()` is true, or gives up after `ms`: a test must end even when the server is silent. */
async function until(done, ms) {
  for (const start = Date.now(); !done(); await sleep(20)) if (Date.now() - start > ms) return false;
  return true;
}

const socket = connect('/ws/echo');
socket.onmessage = (event) => frames.push(event.data);
socket.onopen = async () => {
  socket.send('hello');
  socket.send(new Uint8Array([1, 2, 3]));
  check('two frames come back within 5 s', await until(() => frames.length === 2, 5000));
  check('text comes back as the same text', frames[0] === 'hello');
  check('binary comes back as the same bytes', frames[1] instanceof ArrayBuffer && new Uint8Array(frames[1]).join() === '1,2,3');
  log(`${results.filter(Boolean).length} of ${results.length} checks passed`);
  socket.close();
};
// expect: PASS text comes back as the same text
// expect: PASS binary comes back as the same bytes
// expect: 3 of 3 checks passed
