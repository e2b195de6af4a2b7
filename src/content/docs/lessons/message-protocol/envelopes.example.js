// Every message is an envelope: a `type` saying what it is, then fields for that type.
// The receiver checks the shape before trusting anything in it.
function parseEnvelope(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'not an object' };
  if (value.type === 'chat' && typeof value.text === 'string' && value.text.length <= 500) return { ok: true, message: value };
  if (value.type === 'typing' && typeof value.on === 'boolean') return { ok: true, message: value };
  return { ok: false, error: `unknown or malformed message of type ${JSON.stringify(value.type)}` };
}

const socket = connect('/ws/echo');
socket.onopen = () => {
  socket.send(JSON.stringify({ type: 'chat', text: 'hello' }));
  socket.send(JSON.stringify({ type: 'typing', on: 'maybe' }));
  socket.send('{ this is not json');
};
socket.onmessage = (event) => {
  const parsed = parseEnvelope(event.data);
  log(parsed.ok ? `accepted ${parsed.message.type}` : `rejected: ${parsed.error}`);
};
// expect: accepted chat
// expect: rejected: unknown or malformed message of type "typing"
// expect: rejected: not JSON
