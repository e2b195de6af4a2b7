import { notYet as fail, pass, type Verdict } from '../../exercises/checks/types.ts';
import { sameBytes, textOf, withProbe, type LabTarget, type Received } from './probe.ts';
import { closeCodeIn, connectionsOf, framesOn, type WireFrame } from './lab-wire.ts';

/** What the fragment-sending check knows once the browser has the message, or has given up. */
export interface SentFragmentsFacts {
  /** The text the browser sent: the server must send it back in fragments. */
  sent: string;
  /** The frames the learner's server wrote on that connection after its 101, in order (from the tunnel's bytes). */
  written: readonly WireFrame[];
  /** What the browser's own socket received, and how it closed (null: still open). */
  received: readonly Received[];
  closed: { code: number; wasClean: boolean } | null;
  /** The code of the close frame the browser sent the server (e.g. 1002 when it failed the connection). */
  browserCloseCode: number | null;
}

const opcodeNames: Record<number, string> = { 0: 'continuation', 1: 'text', 2: 'binary', 8: 'close', 9: 'ping', 10: 'pong' };
const nameOf = (frame: WireFrame) => opcodeNames[frame.opcode] ?? `opcode ${frame.opcode}`;
const isControl = (frame: WireFrame) => frame.opcode >= 0x8;
const preview = (text: string) => `"${text.slice(0, 24)}…"`;

/** How the browser ended it, said from both ends: its close frame to the server and the page's close event. */
function browserVerdict({ closed, browserCloseCode }: SentFragmentsFacts): string {
  if (!closed) return '';
  const frame = browserCloseCode === null ? 'sent no close frame' : `sent your server a close frame with ${browserCloseCode}${browserCloseCode === 1002 ? ' (protocol error)' : ''}`;
  return ` The browser failed the connection: it ${frame}, and the page's close event says ${closed.code}${closed.wasClean ? '' : ' (no close frame came back)'}.`;
}

function joined(frames: readonly WireFrame[]): Uint8Array {
  const whole = new Uint8Array(frames.reduce((sum, frame) => sum + frame.payload.length, 0));
  let at = 0;
  for (const frame of frames) {
    whole.set(frame.payload, at);
    at += frame.payload.length;
  }
  return whole;
}

/**
 * The rule of RFC 6455 §5.4, read from the bytes the learner's server wrote: a first frame with
 * the message's opcode and FIN = 0, continuation frames (opcode 0), the last with FIN = 1, at
 * least three frames, and a control frame (§5.5: FIN = 1, at most 125 bytes) between two of
 * them; and the browser's socket received one message, the text it sent, which is what the
 * fragments join to.
 */
export function judgeSentFragments(facts: SentFragmentsFacts): Verdict {
  const { written, sent } = facts;
  const gaveUp = browserVerdict(facts);
  const data = written.map((frame, index) => ({ frame, index })).filter(({ frame }) => !isControl(frame));
  const first = data[0];
  if (!first) return fail(`your server sent nothing back for the browser's message ${preview(sent)}: answer it in fragments.${gaveUp}`);
  if (first.frame.opcode === 0x0) return fail(`your first frame is a continuation (opcode 0) with nothing to continue: the first fragment carries the message's opcode (1 for text).${gaveUp}`);
  if (first.frame.fin) {
    if (data.length === 1) return fail('the message went out as one frame (FIN = 1 on the first): send it in at least three pieces, with FIN = 0 on all but the last.');
    return fail(`your first fragment has FIN = 1, so the browser took it alone as a whole message, and the continuation after it had nothing to continue.${gaveUp}`);
  }
  const end = data.findIndex(({ frame }) => frame.fin);
  const stray = data.slice(1, end < 0 ? data.length : end + 1).find(({ frame }) => frame.opcode !== 0x0);
  if (stray) {
    return fail(`frame ${stray.index + 1} is a new ${nameOf(stray.frame)} frame while your message was still open: every fragment after the first has opcode 0 (continuation).${gaveUp}`);
  }
  const last = data[end];
  if (!last) return fail(`your message never ended: none of its ${data.length} fragments has FIN = 1, so the browser is still waiting for the rest.`);
  const fragments = data.slice(0, end + 1).map(({ frame }) => frame);
  if (fragments.length < 3) return fail(`the message went out in ${fragments.length} fragments: split it into at least three (a first frame and two or more continuations).`);
  const between = written.slice(first.index + 1, last.index).filter(isControl);
  const control = between[0];
  if (!control) return fail('no control frame came between your fragments: send a ping after the first fragment and before the last.');
  const broken = between.find((frame) => !frame.fin || frame.payload.length > 125);
  if (broken) return fail(`the ${nameOf(broken)} between your fragments is itself fragmented or longer than 125 bytes, which a control frame never is.${gaveUp}`);
  const got = facts.received[0];
  if (!got) return fail(`the browser received no message.${gaveUp || ' Are your frames unmasked, with the shortest length form?'}`);
  if (got.binary || got.text !== sent) return fail(`the browser received ${got.binary ? 'a binary message' : preview(got.text)}, not the text it sent (${preview(sent)}): send back the same bytes.`);
  const whole = joined(fragments);
  const difference = sameBytes(whole, got.data);
  if (difference) return fail(`your fragments join to something else than what the browser received (${difference}).`);
  const continuations = fragments.length - 2;
  return pass(
    `your server wrote the message as ${fragments.length} frames (text with FIN = 0, ${continuations} continuation${continuations === 1 ? '' : 's'} with FIN = 0, a last one with FIN = 1) with a ${nameOf(control)} between them, and the browser's socket received one message of ${whole.length} bytes.`,
  );
}

/** Waits (bounded by the target's timeout) until `done()` holds: the tunnel's record reaches the page on its own path. */
async function settled(target: LabTarget, done: () => boolean): Promise<void> {
  for (const start = Date.now(); !done() && Date.now() - start < target.timeoutMs; ) await new Promise((resolve) => setTimeout(resolve, 50));
}

/**
 * Stage 5, sending: a browser socket sends a fresh text, the learner's server sends it back as
 * fragments with a control frame between them. Judged from the frames the tunnel carried and
 * from what the real browser received, never from the learner's log.
 */
export async function sendsFragments(target: LabTarget): Promise<Verdict> {
  const known = new Set(connectionsOf(target.wire()));
  return withProbe(target, '', async (probe) => {
    const sent = textOf(90);
    probe.ws.send(sent);
    await probe.until(() => probe.received.length > 0 || probe.closed !== null);
    const connection = connectionsOf(target.wire()).find((id) => !known.has(id));
    if (connection === undefined) return fail("the lab's byte view never saw the browser's connection.");
    const written = () => framesOn(target.wire(), connection, 'out');
    const browserClose = () => closeCodeIn(framesOn(target.wire(), connection, 'in'));
    await settled(target, () => written().some((frame) => !isControl(frame) && frame.fin) && (probe.closed === null || browserClose() !== null));
    return judgeSentFragments({ sent, written: written(), received: probe.received, closed: probe.closed, browserCloseCode: browserClose() });
  });
}
