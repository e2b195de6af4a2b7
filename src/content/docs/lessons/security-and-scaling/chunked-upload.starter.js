// The server refuses messages over 64 KiB (close code 1009). This sends a 200,000-character
// document in one message. Split it into chunks under the limit, join the echoes back together,
// and log "reassembled <length>" when the whole document has returned.
const document = 'x'.repeat(200_000);
const socket = connect('/ws/echo');

socket.onopen = () => socket.send(document);
socket.onmessage = (event) => log(`reassembled ${event.data.length}`);
socket.onclose = (event) => log('closed', event.code, event.reason);
