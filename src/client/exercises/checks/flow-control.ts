import { type Check, notYet, pass } from './types.ts';
import { consoleLines, received, sends } from './events.ts';

export const flowControl = { chunks: 32, chunkBytes: 16 * 1024, highWaterMark: 64 * 1024 } as const;

/**
 * Lesson 7: send a large upload in chunks without piling data into the socket's buffer. Passes
 * when 32 binary chunks of 16 KiB went out, each logged with the `bufferedAmount` seen just before
 * its send, none above 64 KiB, and all 32 came back.
 */
export const flowControlCheck: Check = (events) => {
  const { chunks, chunkBytes, highWaterMark } = flowControl;
  const buffered = consoleLines(events)
    .map((line) => /bufferedAmount (\d+)/.exec(line.text))
    .filter((match) => match !== null)
    .map((match) => Number(match[1]));
  const over = buffered.find((amount) => amount > highWaterMark);
  if (over !== undefined) return notYet(`a chunk was sent while ${over} bytes were still waiting; wait until at most ${highWaterMark} are.`);
  const sent = sends(events).filter((event) => event.binary && event.payloadBytes === chunkBytes).length;
  if (sent < chunks) return notYet(`${sent} of ${chunks} chunks of ${chunkBytes} bytes sent so far.`);
  if (buffered.length < chunks) return notYet(`log "bufferedAmount <n>" before each send (${buffered.length} of ${chunks} logged).`);
  const back = received(events).filter((event) => event.binary && event.payloadBytes === chunkBytes).length;
  if (back < chunks) return notYet(`${back} of ${chunks} chunks echoed back so far.`);
  return pass(`${chunks} chunks sent, never more than ${Math.max(...buffered)} bytes waiting in the buffer.`);
};
