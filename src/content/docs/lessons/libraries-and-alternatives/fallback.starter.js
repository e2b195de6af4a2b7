// The server has no /ws/live endpoint, so this socket can never open, and it keeps retrying.
// Make it give up after at most three failed attempts, then fall back to polling the event feed
// (GET /poll/events?since=<seq>) every second, logging "fallback: poll <n>, …" each time.
const socket = connect('/ws/live');

socket.onopen = () => log('live over WebSocket');
socket.onmessage = (event) => log('event', event.data);
