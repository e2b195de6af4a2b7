/**
 * RFC 6455 §5.2 frame sizes: the one rule for how many bytes a frame's header takes. The
 * server uses it to report wire bytes to the inspector and to build broadcast frames; the
 * browser uses it to show the wire size of what the learner's code sent.
 */

export const Opcodes = { text: 0x1, binary: 0x2 } as const;

/** Header bytes of a frame carrying `payloadLength` bytes; client frames add a 4-byte mask. */
export function frameHeaderLength(payloadLength: number, masked: boolean): number {
  const extended = payloadLength > 65535 ? 8 : payloadLength > 125 ? 2 : 0;
  return 2 + extended + (masked ? 4 : 0);
}

/** Payload plus header: what one unfragmented frame costs on the wire. */
export function frameWireLength(payloadLength: number, masked: boolean): number {
  return payloadLength + frameHeaderLength(payloadLength, masked);
}
