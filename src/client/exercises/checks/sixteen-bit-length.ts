import { type Check, notYet, pass } from './types.ts';
import { received, sends } from './events.ts';

/** Payload sizes whose frame carries the 16-bit extended length (RFC 6455 §5.2). */
const fitsSixteenBits = (bytes: number) => bytes >= 126 && bytes <= 65_535;

/**
 * Lesson 5: passes when a binary message of 126–65,535 bytes went out and a binary message of
 * the same size came back on the same socket.
 */
export const sixteenBitLength: Check = (events) => {
  const candidates = sends(events).filter((event) => event.binary && fitsSixteenBits(event.payloadBytes));
  if (candidates.length === 0) {
    const last = sends(events).at(-1);
    if (!last) return notYet('nothing was sent yet.');
    return notYet(`the last message was ${last.binary ? 'binary' : 'text'}, ${last.payloadBytes} bytes; send binary, 126 to 65,535 bytes.`);
  }
  const echoed = candidates.find((sent) => received(events).some((got) => got.socket === sent.socket && got.binary && got.payloadBytes === sent.payloadBytes && got.at >= sent.at));
  if (!echoed) return notYet(`a ${candidates[0]!.payloadBytes}-byte binary message went out; waiting for its echo.`);
  return pass(`${echoed.payloadBytes} bytes went out as one binary frame with a 16-bit length and came back.`);
};
