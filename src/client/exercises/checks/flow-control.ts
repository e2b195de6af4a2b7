import { type Check, notYet, pass } from './types.ts';
import { received, sends } from './events.ts';

export const flowControl = { chunks: 32, chunkBytes: 16 * 1024, highWaterMark: 64 * 1024 } as const;

/**
 * Lesson 7: send a large upload in chunks without piling data into the socket's buffer. Judged on
 * the socket's own `bufferedAmount` at the moment of each send (the runner reads it, not the
 * learner): 32 binary chunks of 16 KiB, each sent on an open socket with at most 64 KiB waiting,
 * and all 32 echoed back.
 */
export const flowControlCheck: Check = (events) => {
  const { chunks, chunkBytes, highWaterMark } = flowControl;
  const sent = sends(events).filter((event) => event.binary && event.payloadBytes === chunkBytes);
  const early = sent.find((event) => event.readyState !== 1);
  if (early) return notYet('a chunk was sent before the socket was open; start the upload in onopen.');
  const over = sent.find((event) => (event.bufferedAmount ?? 0) > highWaterMark);
  if (over) return notYet(`a chunk was sent while ${over.bufferedAmount} bytes were still waiting in the buffer; wait until bufferedAmount is at most ${highWaterMark}.`);
  if (sent.length < chunks) return notYet(`${sent.length} of ${chunks} chunks of ${chunkBytes} bytes sent so far.`);
  const back = received(events).filter((event) => event.binary && event.payloadBytes === chunkBytes).length;
  if (back < chunks) return notYet(`${back} of ${chunks} chunks echoed back so far.`);
  const most = Math.max(...sent.map((event) => event.bufferedAmount ?? 0));
  return pass(`${chunks} chunks sent, never more than ${most} bytes waiting in the buffer.`);
};
