// What a browser really sends: serve() a server that prints the request head and refuses it,
// then open a WebSocket to it from here, as a page would.
// expect: GET /lab/
// expect: Sec-WebSocket-Key:
// expect: the browser gave up: close 1006
const lab = await serve((socket) => {
  socket.onData((bytes) => {
    for (const line of new TextDecoder().decode(bytes).split('\r\n')) if (line) log(line);
    socket.write('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n');
    socket.end();
  });
});
const ws = new WebSocket(lab.url);
ws.onclose = (event) => log(`the browser gave up: close ${event.code}`);
