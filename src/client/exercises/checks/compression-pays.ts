import { type Check, notYet, pass } from './types.ts';
import { serverFrames, socketUrls, type ServerFrame } from './events.ts';

export const deflatePath = '/ws/echo-deflate';
/** Big enough that deflate's few bytes of framing do not decide the result. */
export const minBytes = 1000;
/** "Pays": the payload shrank to a fifth or less on the wire. */
export const minRatio = 5;
/** "Does not pay": compression saved less than a tenth (or the sender did not compress at all). */
const noGain = 0.9;

const ratio = (frame: ServerFrame) => frame.payloadBytes / (frame.compressedBytes ?? frame.payloadBytes);
const describe = (frame: ServerFrame) =>
  frame.compressedBytes === undefined ? `${frame.payloadBytes} bytes, sent uncompressed` : `${frame.payloadBytes} bytes, compressed to ${frame.compressedBytes} (${ratio(frame).toFixed(1)}×)`;

/**
 * Lesson compression: permessage-deflate pays on repetitive data and not on random bytes.
 * Judged on the server's own view of `/ws/echo-deflate`: which of the learner's messages
 * arrived compressed (RSV1) and how many bytes their payload took on the wire. No log line
 * and no message to another endpoint can stand in for that.
 */
export const compressionPays: Check = (events) => {
  const onDeflate = [...socketUrls(events).values()].some((url) => new URL(url).pathname === deflatePath);
  if (!onDeflate) return notYet(`no socket connected to ${deflatePath}: only that endpoint negotiates permessage-deflate.`);
  const arrived = serverFrames(events)
    .map(({ frame }) => frame)
    .filter((frame) => frame.path === deflatePath && frame.direction === 'in' && (frame.opcode === 'text' || frame.opcode === 'binary'));
  if (arrived.length === 0) return notYet(`the server has received nothing on ${deflatePath} yet.`);
  const large = arrived.filter((frame) => frame.payloadBytes >= minBytes);
  if (large.length === 0) return notYet(`the largest message the server received was ${Math.max(...arrived.map((frame) => frame.payloadBytes))} bytes; both messages need at least ${minBytes}.`);
  const pays = large.find((frame) => frame.compressedBytes !== undefined && ratio(frame) >= minRatio);
  const doesNot = large.find((frame) => frame.compressedBytes === undefined || frame.compressedBytes >= noGain * frame.payloadBytes);
  if (!pays) {
    const best = large.reduce((a, b) => (ratio(b) > ratio(a) ? b : a));
    return notYet(`your best message so far: ${describe(best)}. Send one that shrinks ${minRatio}× or more: text that repeats itself.`);
  }
  if (!doesNot) return notYet(`${describe(pays)}: that one pays. Now send ${minBytes} bytes or more that deflate cannot shrink by even a tenth.`);
  return pass(`the server received ${describe(pays)}, and ${describe(doesNot)}.`);
};
