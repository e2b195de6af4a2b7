// Two clients should share a room so that what one sends, the other receives.
// Right now they join different rooms, so nothing gets across. Fix it, then send from alice.
const alice = connect('/ws/room/lesson-9-red');
const bob = connect('/ws/room/lesson-9-blue');

bob.onmessage = (event) => log('bob received:', event.data);
alice.onopen = () => alice.send('hello from alice');
