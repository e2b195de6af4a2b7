// A user sent this recording: "my client mixes up the answers". Replay it as a test.
const file = new URL('/recordings/rpc-session.json', location.origin); // served by the lesson site
const recording = await (await fetch(file)).json();
const path = new URL(recording.sockets[0].url).pathname;
const requests = recording.frames.filter((frame) => frame.direction === 'up' && frame.opcode === 'text').map((frame) => frame.payload);
log(`the recording holds ${requests.length} requests to ${path}`);

// TODO: open a socket to `path`, send each recorded request unchanged and in order, and for each
// answer log "request <id>: <body>" for the request that answer belongs to.
