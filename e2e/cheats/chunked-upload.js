// Cheat: chunks under the limit, but "reassembled" logged before a single echo came back.
const document = 'x'.repeat(200_000);
const socket = connect('/ws/echo');
socket.onopen = () => {
  for (let i = 0; i < document.length; i += 50_000) socket.send(document.slice(i, i + 50_000));
  log(`reassembled ${document.length}`);
};
