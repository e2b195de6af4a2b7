import { notYet as fail, pass, type Verdict } from '../../exercises/checks/types.ts';
import { isVerdict, openProbe, sameBytes, textOf, withProbe, type LabTarget, type Probe } from './probe.ts';
import { openRawProbe } from './raw-probe.ts';
import { closeCodeIn } from './lab-wire.ts';
import { sendsFragments } from './sends-fragments.ts';
import type { LabCheckName } from './lab-check-names.ts';

/**
 * The chapter's checks. Each drives real browser WebSockets to the learner's lab and judges only
 * what the browser received: a server that fakes a handshake, forgets to unmask or echoes to the
 * wrong socket fails, whatever it logs.
 */
export type LabCheck = (target: LabTarget) => Promise<Verdict>;

const randomBytes = (length: number) => {
  const bytes = new Uint8Array(length);
  for (let at = 0; at < length; at += 65536) crypto.getRandomValues(bytes.subarray(at, Math.min(length, at + 65536)));
  return bytes;
};

/** Stage 1: two browser sockets reach `open` (their keys are random, so a fixed Accept fails). */
export const answersHandshake: LabCheck = async (target) => {
  for (const n of [1, 2]) {
    const verdict = await withProbe(target, '', async () => pass(''));
    if (!verdict.passed) return fail(`socket ${n}: ${verdict.message}`);
  }
  return pass('two browser sockets reached open: your 101 and Sec-WebSocket-Accept are right.');
};

/** Stage 2: 5 B and 300 B text and a 70 KB binary message come back as they were sent. */
export const readsClientFrames: LabCheck = (target) =>
  withProbe(target, '', async (probe) => {
    const sent: { label: string; binary: boolean; data: Uint8Array }[] = [
      { label: '5-byte text', binary: false, data: new TextEncoder().encode(textOf(5)) },
      { label: '300-byte text (16-bit length)', binary: false, data: new TextEncoder().encode(textOf(300)) },
      { label: '70 KB binary (64-bit length)', binary: true, data: randomBytes(70_000) },
    ];
    for (const [i, message] of sent.entries()) {
      probe.ws.send(message.binary ? message.data : new TextDecoder().decode(message.data));
      if (!(await probe.until(() => probe.received.length > i || probe.closed !== null))) {
        return fail(`the ${message.label} was not sent back within ${target.timeoutMs} ms.`);
      }
      const got = probe.received[i];
      if (!got) {
        return fail(`the browser closed the connection (${probe.closed?.code}) after the ${message.label}: what came back was not a valid frame, or its text was not UTF-8 (still masked?).`);
      }
      if (got.binary !== message.binary) return fail(`the ${message.label} came back as ${got.binary ? 'binary' : 'text'}: keep the opcode.`);
      const difference = sameBytes(got.data, message.data);
      if (difference) return fail(`the ${message.label} came back wrong: ${difference}.`);
    }
    return pass('5 B, 300 B and 70 KB messages were read, unmasked and sent back intact, with their type.');
  });

/** Stage 3: the server's own frames, at all three length sizes, arrive intact and unmasked. */
export const sendsFrames: LabCheck = (target) =>
  withProbe(target, '', async (probe) => {
    const texts = [5, 300, 70_000].map(textOf);
    for (const [i, text] of texts.entries()) {
      probe.ws.send(text);
      if (!(await probe.until(() => probe.received.length > i || probe.closed !== null))) {
        return fail(`no answer to a message of ${new TextEncoder().encode(text).length} bytes within ${target.timeoutMs} ms.`);
      }
      const got = probe.received[i];
      if (!got) {
        return fail(`the browser closed the connection (${probe.closed?.code}): a masked server frame or a wrong length makes it give up.`);
      }
      if (got.binary || got.text !== `you said: ${text}`) {
        return fail(`expected "you said: " and the message back as text; got ${got.binary ? 'binary' : `"${got.text.slice(0, 40)}…" (${got.data.length} bytes)`}.`);
      }
    }
    return pass('answers of 15 B, 310 B and 70 KB arrived intact: 7-, 16- and 64-bit lengths are right.');
  });

/**
 * Stage 4: a raw client's ping gets a pong with the same payload, the server pings on its own,
 * and a browser's close (code 4001) is answered with the same code, cleanly.
 */
export const controlFrames: LabCheck = async (target) => {
  const raw = await openRawProbe(target);
  if (typeof raw === 'string') return fail(raw);
  try {
    const payload = textOf(10);
    raw.send(0x9, encode(payload));
    target.note?.(0, `sent a ping "${payload}"`);
    const pongs = () => raw.frames.filter((f) => f.opcode === 0xa);
    if (!(await raw.until(() => pongs().length > 0))) return fail(`a ping got no pong within ${target.timeoutMs} ms.`);
    if (new TextDecoder().decode(pongs()[0]!.payload) !== payload) return fail('the pong must carry the ping\'s payload, byte for byte (§5.5.3).');
    if (!(await raw.until(() => raw.frames.some((f) => f.opcode === 0x9)))) return fail(`your server sent no ping of its own within ${target.timeoutMs} ms of the handshake.`);
  } finally {
    raw.close();
  }
  return withProbe(target, '', async (probe) => {
    probe.ws.close(4001, 'done');
    if (!(await probe.until(() => probe.closed !== null))) return fail(`the browser closed with 4001 and no answer came within ${target.timeoutMs} ms.`);
    const closed = probe.closed!;
    if (!closed.wasClean) return fail(`the connection ended without a close frame back (${closed.code}): echo the client's close frame, then end.`);
    if (closed.code !== 4001) return fail(`the close frame came back with ${closed.code}: echo the client's code (4001).`);
    return pass('pings answered with the same payload, a ping of your own, and close 4001 answered with 4001: a clean closing handshake.');
  });
};

/** Stage 6: three browser sockets in one room; each message reaches the other two and not its sender. */
export const relaysInRoom: LabCheck = async (target) => {
  const room = `/room/r${Math.random().toString(36).slice(2, 8)}`;
  const probes: Probe[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const probe = await openProbe(target, room);
      if (isVerdict(probe)) return fail(`browser socket ${i + 1}: ${probe.message}`);
      probes.push(probe);
    }
    for (const [from, sender] of probes.entries()) {
      const text = `hello from ${from + 1}: ${textOf(12)}`;
      sender.ws.send(text);
      const others = probes.filter((p) => p !== sender);
      const arrived = await Promise.all(others.map((p) => p.until(() => p.received.some((m) => m.text === text))));
      const missing = arrived.flatMap((ok, i) => (ok ? [] : [probes.indexOf(others[i]!) + 1]));
      if (missing.length > 0) return fail(`socket ${from + 1}'s message never reached socket ${missing.join(' and ')}.`);
    }
    // Every message has reached both others, so any echo to its sender has had the same time to arrive.
    const echoed = probes.findIndex((p, i) => p.received.some((m) => m.text.startsWith(`hello from ${i + 1}:`)));
    if (echoed >= 0) return fail(`socket ${echoed + 1} got its own message back: relay to the others only.`);
    return pass('three browsers in one room: every message reached the two others and none came back to its sender.');
  } finally {
    for (const probe of probes) probe.ws.close();
  }
};

const encode = (text: string) => new TextEncoder().encode(text);

/** Stage 5: a message in pieces with a ping between them comes back whole; invalid UTF-8 closes with 1007. */
export const reassemblesFragments: LabCheck = async (target) => {
  const first = await openRawProbe(target);
  if (typeof first === 'string') return fail(first);
  try {
    const word = textOf(9);
    first.send(0x1, encode('Hel'), false);
    first.send(0x9, encode('still there?'));
    first.send(0x0, encode(`lo, ${word}`), true);
    target.note?.(0, `sent "Hel" (not FIN), a ping, then "lo, ${word}" (continuation, FIN)`);
    const data = () => first.frames.filter((f) => f.opcode === 0x1 || f.opcode === 0x2);
    if (!(await first.until(() => data().length > 0 || first.frames.some((f) => f.opcode === 0x8)))) {
      return fail(`no message came back within ${target.timeoutMs} ms after the last fragment.`);
    }
    const pong = first.frames.find((f) => f.opcode === 0xa);
    if (!pong || new TextDecoder().decode(pong.payload) !== 'still there?') return fail('the ping between the fragments got no pong with the same payload.');
    const reply = data()[0];
    const text = reply ? new TextDecoder().decode(reply.payload) : '';
    if (!reply || reply.opcode !== 0x1 || !reply.fin || text !== `Hello, ${word}`) {
      return fail(`expected one text message "Hello, ${word}" back; got ${reply ? `opcode ${reply.opcode}, "${text.slice(0, 40)}"` : 'a close'}.`);
    }
  } finally {
    first.close();
  }
  const second = await openRawProbe(target);
  if (typeof second === 'string') return fail(second);
  try {
    second.send(0x1, new Uint8Array([0x68, 0x69, 0xff, 0xfe]));
    target.note?.(0, 'sent a text frame with bytes ff fe (not UTF-8)');
    if (!(await second.until(() => second.frames.some((f) => f.opcode === 0x8)))) {
      return fail(`invalid UTF-8 in a text message got no close frame within ${target.timeoutMs} ms.`);
    }
    const code = closeCodeIn(second.frames);
    if (code !== 1007) return fail(`invalid UTF-8 was closed with ${code ?? 'no code'}; §8.1 wants 1007.`);
  } finally {
    second.close();
  }
  return pass('fragments with a ping between them came back as one message, the ping got its pong, and invalid UTF-8 closed with 1007.');
};

/** Every lab check an <Exercise check="…"> may name (names in lab-check-names.ts, loaded with every lesson). */
export const labChecks = {
  'lab-handshake': answersHandshake,
  'lab-read-frames': readsClientFrames,
  'lab-send-frames': sendsFrames,
  'lab-control': controlFrames,
  'lab-fragments': reassemblesFragments,
  'lab-send-fragments': sendsFragments,
  'lab-room': relaysInRoom,
} satisfies Record<LabCheckName, LabCheck>;
