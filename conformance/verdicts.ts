import { equalBytes, preview } from './bytes.ts';
import type { Received } from './server-stream.ts';
import type { Observation } from './session.ts';

/**
 * Verdict logic, shared by every case and independent of any transport. The meanings follow
 * Autobahn|Testsuite: `pass` is the strictest conforming behaviour, `non-strict` conforms
 * but less strictly (failing late, dropping TCP without saying why), `fail` breaks the RFC.
 */

export type Verdict = 'pass' | 'non-strict' | 'fail';

export interface Judgement {
  verdict: Verdict;
  reason: string;
}

/** What the server should send back, in order: messages and pongs (server pings are ignored). */
export interface Expected {
  kind: 'text' | 'binary' | 'pong';
  payload: Uint8Array;
}

const pass = (reason: string): Judgement => ({ verdict: 'pass', reason });
const nonStrict = (reason: string): Judgement => ({ verdict: 'non-strict', reason });
const fail = (reason: string): Judgement => ({ verdict: 'fail', reason });

type Reply = Exclude<Received, { kind: 'close' }>;

function replies(observation: Observation): Reply[] {
  return observation.received.filter((item): item is Reply => item.kind !== 'ping' && item.kind !== 'close');
}

function show(item: { kind: string; payload: Uint8Array }): string {
  return `${item.kind} ${item.payload.length} bytes ${preview(item.payload, item.kind === 'text')}`;
}

function sameReplies(got: readonly Reply[], expected: readonly Expected[]): string | null {
  for (let i = 0; i < Math.max(got.length, expected.length); i++) {
    const g = got[i];
    const e = expected[i];
    if (g === undefined) return `missing reply ${i + 1}: expected ${show(e!)}`;
    if (e === undefined) return `unexpected reply ${i + 1}: ${show(g)}`;
    if (g.kind !== e.kind || !equalBytes(g.payload, e.payload)) return `reply ${i + 1} is ${show(g)}, expected ${show(e)}`;
  }
  return null;
}

function serverClose(observation: Observation): Extract<Received, { kind: 'close' }> | undefined {
  return observation.received.find((item): item is Extract<Received, { kind: 'close' }> => item.kind === 'close');
}

/** How the connection ended, to explain missing replies. */
function ending(observation: Observation): string {
  const close = serverClose(observation);
  if (close) return `; the server closed with ${showCode(close.code)} ${JSON.stringify(close.reason ?? '')} at ${close.atMs} ms`;
  const { tcpClosed } = observation;
  return tcpClosed?.by === 'server' ? `; the server dropped TCP without a close frame at ${tcpClosed.atMs} ms` : '';
}

function showCode(code: number | null): string {
  return code === null ? 'no status code' : String(code);
}

/** Problems any case fails on: frames the server must never send. */
function brokenFrames(observation: Observation): Judgement | null {
  const { violations } = observation;
  if (violations.length === 0) return null;
  return fail(violations.slice(0, 3).join('; ') + (violations.length > 3 ? `; and ${violations.length - 3} more` : ''));
}

/**
 * The server answers with exactly `expected`, then completes the closing handshake we start,
 * replying with one of `closeCodes` (null: a close frame without a code), and ends TCP.
 */
export function judgeEcho(expected: readonly Expected[], closeCodes: readonly (number | null)[] = [1000]): (o: Observation) => Judgement {
  return (observation) => {
    const broken = brokenFrames(observation);
    if (broken) return broken;
    const mismatch = sameReplies(replies(observation), expected);
    if (mismatch) return fail(`${mismatch}${ending(observation)}`);
    const good = expected.length === 0 ? 'no reply, as expected' : `${expected.length} ${expected.length === 1 ? 'reply' : 'replies'} as expected`;
    return judgeClosingHandshake(observation, closeCodes, good);
  };
}

function judgeClosingHandshake(observation: Observation, closeCodes: readonly (number | null)[], good: string): Judgement {
  const close = serverClose(observation);
  const { tcpClosed } = observation;
  if (!close) {
    return fail(tcpClosed?.by === 'server' ? 'the server dropped TCP without answering our close frame (§5.5.1)' : 'no close frame in answer to ours (§5.5.1)');
  }
  if (!closeCodes.includes(close.code)) return fail(`the server closed with ${showCode(close.code)}, expected ${closeCodes.map(showCode).join(' or ')}`);
  if (tcpClosed?.by !== 'server') return nonStrict(`${good}, but the server left TCP open after the closing handshake (§7.1.1: the server should close first)`);
  return pass(`${good}; closed with ${showCode(close.code)}`);
}

/**
 * The server must Fail the WebSocket Connection (§7.1.7): after the `before` replies and
 * nothing more, a close frame with one of `codes` (pass), or TCP simply dropped (non-strict:
 * allowed, but the peer never learns why).
 */
export function judgeFailure(codes: readonly number[], before: readonly Expected[] = []): (o: Observation) => Judgement {
  return (observation) => {
    const broken = brokenFrames(observation);
    if (broken) return broken;
    const got = replies(observation);
    const mismatch = sameReplies(got, before);
    if (mismatch) return fail(got.length > before.length ? `the server went on after a frame it must reject: ${mismatch}` : mismatch);
    const close = serverClose(observation);
    const expected = codes.join(' or ');
    if (close) {
      if (close.code !== null && codes.includes(close.code)) return pass(`failed the connection with ${close.code}`);
      return fail(`the server closed with ${showCode(close.code)}, expected ${expected}`);
    }
    if (observation.tcpClosed?.by === 'server') return nonStrict(`the server dropped TCP without a close frame (${expected} would say why)`);
    return fail(`no close frame and the connection stayed open: the server accepted what it must reject (expected close ${expected})`);
  };
}

/** As `judgeFailure`, but strict only when the close comes before mark `complete` (fail fast, §8.1). */
export function judgeFastFailure(codes: readonly number[]): (o: Observation) => Judgement {
  const failure = judgeFailure(codes);
  return (observation) => {
    const judged = failure(observation);
    const closeAt = serverClose(observation)?.atMs;
    const completeAt = observation.marks.complete;
    if (judged.verdict === 'pass' && closeAt !== undefined && completeAt !== undefined && closeAt > completeAt) {
      return nonStrict(`${judged.reason}, but only after the whole message arrived, not as soon as the bytes were invalid`);
    }
    return judged;
  };
}

/** We close with a code (or none); the server must answer with one of `closeCodes` and no other reply. */
export function judgeClose(closeCodes: readonly (number | null)[]): (o: Observation) => Judgement {
  return judgeEcho([], closeCodes);
}

/**
 * A message larger than many servers accept: echoing it passes; refusing it at a configured
 * limit (1009 too big, 1008 policy) is a legitimate choice, reported as non-strict.
 */
export function judgeEchoOrLimit(expected: readonly Expected[]): (o: Observation) => Judgement {
  const echo = judgeEcho(expected);
  return (observation) => {
    const close = serverClose(observation);
    const short = replies(observation).length < expected.length;
    if (!short || brokenFrames(observation)) return echo(observation);
    if (close && (close.code === 1009 || close.code === 1008)) {
      return nonStrict(`the server refused with ${close.code} ${JSON.stringify(close.reason ?? '')}: a limit it may set (§7.4.1)`);
    }
    if (!close && observation.tcpClosed?.by === 'server') {
      return nonStrict(`the server dropped TCP without a close frame at ${observation.tcpClosed.atMs} ms (1009 would say why)`);
    }
    return echo(observation);
  };
}

/**
 * §5.5.3: a pong for every ping passes; answering only the most recent of pings that arrived
 * together is allowed (non-strict); anything else fails.
 */
export function judgePongs(payloads: readonly Uint8Array[]): (o: Observation) => Judgement {
  const all = judgeEcho(payloads.map((payload) => ({ kind: 'pong', payload })));
  return (observation) => {
    const judged = all(observation);
    if (judged.verdict !== 'fail' || brokenFrames(observation)) return judged;
    const got = replies(observation);
    const last = payloads[payloads.length - 1]!;
    if (got.length === 0 || !equalBytes(got[got.length - 1]!.payload, last) || !isOrderedSubset(got, payloads)) return judged;
    const closing = judgeClosingHandshake(observation, [1000], `${got.length} of ${payloads.length} pongs, the last ping answered`);
    return closing.verdict === 'pass' ? nonStrict(`${closing.reason} (§5.5.3 allows answering only the most recent ping)`) : closing;
  };
}

/** Every reply is a pong for one of `payloads`, each ping answered at most once, in order. */
function isOrderedSubset(got: readonly Reply[], payloads: readonly Uint8Array[]): boolean {
  let next = 0;
  for (const item of got) {
    if (item.kind !== 'pong') return false;
    while (next < payloads.length && !equalBytes(payloads[next]!, item.payload)) next++;
    if (next++ === payloads.length) return false;
  }
  return true;
}
