// Cheat: two sockets that each talk, but in two different rooms: nothing is relayed between them.
const alice = connect('/ws/room/cheat-a');
const bob = connect('/ws/room/cheat-b');
alice.onopen = () => alice.send('hi from alice');
bob.onopen = () => bob.send('hi from bob');
for (const socket of [alice, bob]) socket.onmessage = (event) => log('got', event.data);
