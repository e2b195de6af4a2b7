import type { Duplex } from 'node:stream';
import { FrameScanner, type ScannedFrame } from './frame-scanner.ts';

/** One data message as it crossed the wire: `ws` only hands endpoints the inflated payload. */
export interface WireMessage {
  /** RSV1 was set: the payload went compressed (RFC 7692 §6). */
  compressed: boolean;
  /** Payload bytes on the wire, summed over the message's frames. */
  wirePayloadBytes: number;
  /** Headers and payloads of all its frames. */
  wireBytes: number;
}

/**
 * Messages waiting to be matched, per direction. Bounded: past it the tap stops reporting
 * (a flood is closed by the rate limit anyway) rather than pair a message with another's size.
 */
const maxPending = 256;

/** Joins frames into messages (a fragmented message counts all its frames); control frames are left out. */
export function messagesOf(onMessage: (message: WireMessage) => void): (frame: ScannedFrame) => void {
  let partial: WireMessage | null = null;
  return (frame) => {
    if (frame.opcode >= 0x8) return; // ping, pong, close: never compressed, reported by LiveSocket itself
    const message: WireMessage = partial ?? { compressed: frame.rsv1, wirePayloadBytes: 0, wireBytes: 0 };
    message.wirePayloadBytes += frame.payloadBytes;
    message.wireBytes += frame.headerBytes + frame.payloadBytes;
    partial = frame.fin ? null : message;
    if (frame.fin) onMessage(message);
  };
}

export interface CompressionTap {
  /** The wire size of the next message `ws` hands up (they come in wire order). */
  takeIn(): WireMessage | undefined;
  /**
   * `report` gets the wire size of the next data message written out, once it has been written.
   * False: the tap has given up on this direction (too many waiting); report without it.
   */
  onNextOut(report: (message: WireMessage) => void): boolean;
}

/**
 * Watches a compressed connection's raw TCP bytes both ways, so the inspector can show each
 * message's size before and after permessage-deflate. Reading comes first (prepended, so a
 * frame is counted before `ws` parses it and emits its message); writing is seen by wrapping
 * this one socket's `write`, through which `ws` sends every frame in order.
 */
export function tapCompression(socket: Duplex): CompressionTap {
  const arrived: WireMessage[] = [];
  const waiting: ((message: WireMessage) => void)[] = [];
  let lostIn = false;
  let lostOut = false;
  const inbound = new FrameScanner(
    messagesOf((message) => {
      if (arrived.length >= maxPending) lostIn = true;
      else arrived.push(message);
    }),
  );
  const outbound = new FrameScanner(messagesOf((message) => waiting.shift()?.(message)));
  socket.prependListener('data', (chunk: Buffer) => inbound.push(chunk));
  const write = socket.write.bind(socket);
  socket.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (Buffer.isBuffer(chunk)) outbound.push(chunk);
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as Duplex['write'];
  return {
    // Once one message went unrecorded, every later pairing would be off by one: stop for good.
    takeIn: () => (lostIn ? undefined : arrived.shift()),
    onNextOut: (report) => {
      if (waiting.length >= maxPending) lostOut = true;
      if (lostOut) return false;
      waiting.push(report);
      return true;
    },
  };
}
