// Same room name: the server keeps the room's members in memory and relays to the others.
const room = `lesson-9-${Math.random().toString(36).slice(2, 8)}`;
const alice = connect(`/ws/room/${room}`);
const bob = connect(`/ws/room/${room}`);

bob.onmessage = (event) => log('bob received:', event.data);
// Wait until bob is in the room too: a relay only reaches members present at that moment.
bob.onopen = () => alice.send('hello from alice');
