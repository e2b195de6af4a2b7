import { type Check, notYet, pass } from './types.ts';
import { sends, serverFrames } from './events.ts';
import { frameHeaderLength } from '../../../../protocol/frame-size.ts';

/** Payload sizes whose frame carries the 16-bit extended length (RFC 6455 §5.2). */
const fitsSixteenBits = (bytes: number) => bytes >= 126 && bytes <= 65_535;

/**
 * Lesson 5: passes when the server itself received a binary frame of 126–65,535 payload bytes
 * (so its header was 2 + 2 + the 4-byte mask) and sent a binary frame of the same size back on
 * that socket. Judged on the server's view: the frame's header is what the skill is about, and
 * only the server sees the frame as bytes.
 */
export const sixteenBitLength: Check = (events) => {
  const frames = serverFrames(events);
  const arrived = frames.filter(({ frame }) => frame.direction === 'in' && frame.opcode === 'binary' && fitsSixteenBits(frame.payloadBytes));
  if (arrived.length === 0) {
    const last = frames.filter(({ frame }) => frame.direction === 'in' && (frame.opcode === 'text' || frame.opcode === 'binary')).at(-1)?.frame;
    if (last) return notYet(`the server's last frame from you was ${last.opcode}, ${last.payloadBytes} bytes; send binary, 126 to 65,535 bytes.`);
    const sent = sends(events).at(-1);
    if (sent) return notYet(`a ${sent.binary ? 'binary' : 'text'} message went out, but the server has not reported receiving it yet.`);
    return notYet('nothing was sent yet.');
  }
  const echoed = arrived.find(({ socket, frame }) =>
    frames.some((other) => other.socket === socket && other.frame.direction === 'out' && other.frame.opcode === 'binary' && other.frame.payloadBytes === frame.payloadBytes && other.frame.at >= frame.at),
  );
  if (!echoed) return notYet(`the server received a ${arrived[0]!.frame.payloadBytes}-byte binary frame; waiting for its echo.`);
  const { payloadBytes, wireBytes } = echoed.frame;
  const header = frameHeaderLength(payloadBytes, true);
  return pass(`the server received ${payloadBytes} bytes in one binary frame of ${wireBytes} bytes (a ${header}-byte header: 2, the 16-bit length, the mask) and sent them back.`);
};
