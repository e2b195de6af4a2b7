// Two people in one chat room, both in this run. The server numbers every message (seq), stamps
// who sent it and when, and tells everyone who comes and goes: presence.
const room = `lesson-9-${Math.random().toString(36).slice(2, 8)}`; // your own room, away from other learners
const ada = connect(`/ws/chat/${room}?name=Ada`);

ada.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (message.type === 'welcome') {
    log(`Ada is in ${room} as ${message.you.id}; members: ${message.members.map((m) => m.name).join(', ')}`);
    const grace = connect(`/ws/chat/${room}?name=Grace`);
    grace.onmessage = (e) => {
      const m = JSON.parse(e.data);
      if (m.type === 'message') log(`Grace sees #${m.seq} from ${m.from.name}: ${m.text}`);
    };
  }
  if (message.type === 'join') {
    log(`Ada sees ${message.member.name} join`);
    ada.send(JSON.stringify({ type: 'say', text: 'welcome, Grace!' }));
  }
  if (message.type === 'message') log(`Ada sees #${message.seq} from ${message.from.name}: ${message.text} (her own message coming back is the acknowledgement)`);
};
// expect: Ada sees Grace join
// expect: Grace sees #1 from Ada: welcome, Grace!
