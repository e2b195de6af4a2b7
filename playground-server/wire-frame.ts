import { frameHeaderLength, Opcodes } from '../protocol/frame-size.ts';

/**
 * One server frame built ahead of time (sizes follow protocol/frame-size.ts). `ws` frames every
 * message itself; we only build a frame ourselves for broadcast, where one frame is written
 * to many sockets (see broadcast.ts), and to report wire bytes to the inspector.
 */

/** A complete, unmasked, unfragmented server→client data frame: header and payload in one buffer. */
export function serverFrame(payload: Buffer, isBinary: boolean): Buffer {
  const headerLength = frameHeaderLength(payload.length, false);
  const frame = Buffer.allocUnsafe(headerLength + payload.length);
  frame[0] = 0x80 | (isBinary ? Opcodes.binary : Opcodes.text); // FIN + opcode
  if (payload.length > 65535) {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(payload.length), 2);
  } else if (payload.length > 125) {
    frame[1] = 126;
    frame.writeUInt16BE(payload.length, 2);
  } else {
    frame[1] = payload.length;
  }
  payload.copy(frame, headerLength);
  return frame;
}
