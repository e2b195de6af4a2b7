import { utf8 } from './bytes.ts';
import { Opcode, type FrameSpec } from './frame.ts';
import { closeFrame, type Chop, type Observation, type Session } from './session.ts';
import { judgeEcho, judgeFailure, type Expected, type Judgement } from './verdicts.ts';

/**
 * What a conformance case is, and the two shapes most cases take (echo, or fail the
 * connection). A case only talks to a Session, so it runs over any byte pipe.
 */

export interface ConformanceCase {
  /** Autobahn-style id, e.g. "5.5" or "7.3.2". */
  id: string;
  title: string;
  /** The RFC 6455 section the case checks, e.g. "§5.5.2". */
  rfc: string;
  /** What the RFC requires of the server here, in a sentence. */
  requirement: string;
  /** Floor for this case's waits, for cases that move megabytes. */
  timeoutMs?: number;
  /** Write the opening handshake in this many pieces (the slow-handshake case). */
  handshakePieces?: number;
  run(session: Session): Promise<void>;
  judge(observation: Observation): Judgement;
}

export type CaseMeta = Pick<ConformanceCase, 'id' | 'title' | 'rfc' | 'requirement'>;

/** Sends `frames` (optionally chopped), waits for the expected replies, then closes normally. */
export function echoCase(meta: CaseMeta, frames: readonly FrameSpec[], expected: readonly Expected[], chop?: Chop): ConformanceCase {
  return {
    ...meta,
    async run(session) {
      await session.send(frames, chop);
      await session.waitForReplies(expected.length);
      await session.closeNormally();
    },
    judge: judgeEcho(expected),
  };
}

/** One frame that must come back as it went: the same message, or a pong with a ping's payload. */
export function mirrorCase(meta: CaseMeta, kind: 'text' | 'binary' | 'ping', payload: Payload, chop?: Chop): ConformanceCase {
  return echoCase(meta, [frame[kind](payload)], [kind === 'ping' ? reply.pong(payload) : reply[kind](payload)], chop);
}

/** Sends `frames` and waits for the server to fail the connection with one of `codes` (default 1002). */
export function failCase(
  meta: CaseMeta,
  frames: readonly FrameSpec[],
  options: { codes?: readonly number[]; before?: readonly Expected[]; chop?: Chop } = {},
): ConformanceCase {
  return {
    ...meta,
    async run(session) {
      await session.send(frames, options.chop);
      await session.waitForServerClose();
    },
    judge: judgeFailure(options.codes ?? [1002], options.before),
  };
}

type Payload = string | Uint8Array;
const toBytes = (payload: Payload): Uint8Array => (typeof payload === 'string' ? utf8(payload) : payload);

/** Client frames, masked; `extra` overrides FIN, RSV bits or the opcode. */
export const frame = {
  text: (payload: Payload = '', extra: Partial<FrameSpec> = {}): FrameSpec => ({ opcode: Opcode.text, payload: toBytes(payload), ...extra }),
  binary: (payload: Payload = '', extra: Partial<FrameSpec> = {}): FrameSpec => ({ opcode: Opcode.binary, payload: toBytes(payload), ...extra }),
  continuation: (payload: Payload, fin: boolean): FrameSpec => ({ opcode: Opcode.continuation, payload: toBytes(payload), fin }),
  ping: (payload: Payload = '', extra: Partial<FrameSpec> = {}): FrameSpec => ({ opcode: Opcode.ping, payload: toBytes(payload), ...extra }),
  pong: (payload: Payload = '', extra: Partial<FrameSpec> = {}): FrameSpec => ({ opcode: Opcode.pong, payload: toBytes(payload), ...extra }),
  close: (code: number | null, reason: Payload = ''): FrameSpec => closeFrame(code, toBytes(reason)),
};

/** Replies the server should send. */
export const reply = {
  text: (payload: Payload): Expected => ({ kind: 'text', payload: toBytes(payload) }),
  binary: (payload: Payload): Expected => ({ kind: 'binary', payload: toBytes(payload) }),
  pong: (payload: Payload): Expected => ({ kind: 'pong', payload: toBytes(payload) }),
};

/** `length` bytes of a repeating printable pattern: easy to eyeball in a preview. */
export function filler(length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = 0x2a + (i % 64);
  return out;
}

/** Sends one byte per write: the server must reassemble frames from any TCP segmentation. */
export const byteByByte: Chop = { bytes: 1 };
