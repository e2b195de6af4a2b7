import { randomBytes } from './bytes.ts';

/**
 * RFC 6455 §5.2 frames, both ways: a builder that can produce any frame, legal or not (the
 * suite must be able to send reserved bits, reserved opcodes and oversized control frames),
 * and an incremental reader that decodes whatever arrives, however it is split into chunks.
 */

export const Opcode = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

const names: Record<number, string> = { 0: 'continuation', 1: 'text', 2: 'binary', 8: 'close', 9: 'ping', 10: 'pong' };

export function opcodeName(opcode: number): string {
  return names[opcode] ?? `reserved(${opcode})`;
}

/** §5.5: opcodes with the high bit set are control frames. */
export function isControl(opcode: number): boolean {
  return (opcode & 0x8) !== 0;
}

export interface FrameSpec {
  opcode: number;
  payload?: Uint8Array;
  /** Defaults to true: a whole message in one frame. */
  fin?: boolean;
  rsv1?: boolean;
  rsv2?: boolean;
  rsv3?: boolean;
  /** Defaults to true: a client MUST mask (§5.3) with a fresh unpredictable key; servers send false. */
  mask?: boolean;
}

/** XOR with the 4-byte key (§5.3); the same operation masks and unmasks. */
export function applyMask(data: Uint8Array, key: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = data[i]! ^ key[i & 3]!;
  return out;
}

export function encodeFrame(spec: FrameSpec): Uint8Array {
  const payload = spec.payload ?? new Uint8Array(0);
  const masked = spec.mask ?? true;
  const length = payload.length;
  const extended = length > 65535 ? 8 : length > 125 ? 2 : 0;
  const headerLength = 2 + extended + (masked ? 4 : 0);
  const frame = new Uint8Array(headerLength + length);
  const view = new DataView(frame.buffer);
  frame[0] =
    ((spec.fin ?? true) ? 0x80 : 0) | (spec.rsv1 ? 0x40 : 0) | (spec.rsv2 ? 0x20 : 0) | (spec.rsv3 ? 0x10 : 0) | (spec.opcode & 0x0f);
  const maskBit = masked ? 0x80 : 0;
  if (extended === 8) {
    frame[1] = maskBit | 127;
    // Payloads here stay far below 2^32, so the high word is zero.
    view.setUint32(2, 0);
    view.setUint32(6, length);
  } else if (extended === 2) {
    frame[1] = maskBit | 126;
    view.setUint16(2, length);
  } else {
    frame[1] = maskBit | length;
  }
  if (masked) {
    const key = randomBytes(4);
    frame.set(key, 2 + extended);
    frame.set(applyMask(payload, key), headerLength);
  } else {
    frame.set(payload, headerLength);
  }
  return frame;
}

export interface DecodedFrame {
  fin: boolean;
  /** The three reserved bits as sent: 4 = RSV1, 2 = RSV2, 1 = RSV3. */
  rsv: number;
  opcode: number;
  masked: boolean;
  /** The header bytes as they crossed the wire (for a hex view of the frame). */
  header: Uint8Array;
  maskKey: Uint8Array | null;
  /** Unmasked payload. */
  payload: Uint8Array;
  /** False when the length used a longer encoding than needed, which §5.2 forbids. */
  minimalLength: boolean;
}

/** A frame header no endpoint may send: the reader cannot find the next frame after it. */
export class FrameError extends Error {
  override name = 'FrameError';
}

/** Decodes frames from a byte stream that arrives in arbitrary chunks. */
export class FrameReader {
  #chunks: Uint8Array[] = [];
  #buffered = 0;

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
  }

  /** The next complete frame, or null until more bytes arrive; throws FrameError on an impossible length. */
  next(): DecodedFrame | null {
    if (this.#buffered < 2) return null;
    const head = this.#peek(Math.min(this.#buffered, 14));
    const masked = (head[1]! & 0x80) !== 0;
    const short = head[1]! & 0x7f;
    const extended = short === 127 ? 8 : short === 126 ? 2 : 0;
    const headerLength = 2 + extended + (masked ? 4 : 0);
    if (head.length < headerLength) return null;
    const view = new DataView(head.buffer, head.byteOffset, head.length);
    let length = short;
    if (extended === 2) length = view.getUint16(2);
    if (extended === 8) {
      const high = view.getUint32(2);
      // §5.2: the most significant bit MUST be 0; beyond 2^53 a number cannot count the bytes.
      if (high > 0x1fffff) throw new FrameError(`64-bit payload length with high word 0x${high.toString(16)} is not allowed`);
      length = high * 2 ** 32 + view.getUint32(6);
    }
    if (this.#buffered < headerLength + length) return null;
    const maskKey = masked ? head.slice(2 + extended, headerLength) : null;
    const header = this.#take(headerLength);
    const raw = this.#take(length);
    return {
      fin: (head[0]! & 0x80) !== 0,
      rsv: (head[0]! & 0x70) >> 4,
      opcode: head[0]! & 0x0f,
      masked,
      header,
      maskKey,
      payload: maskKey ? applyMask(raw, maskKey) : raw,
      minimalLength: extended === 0 || (extended === 2 ? length > 125 : length > 65535),
    };
  }

  #peek(count: number): Uint8Array {
    const first = this.#chunks[0]!;
    if (first.length >= count) return first.subarray(0, count);
    const out = new Uint8Array(count);
    let filled = 0;
    for (const chunk of this.#chunks) {
      const part = chunk.subarray(0, count - filled);
      out.set(part, filled);
      filled += part.length;
      if (filled === count) break;
    }
    return out;
  }

  #take(count: number): Uint8Array {
    const out = new Uint8Array(count);
    let filled = 0;
    while (filled < count) {
      const chunk = this.#chunks[0]!;
      const part = chunk.subarray(0, count - filled);
      out.set(part, filled);
      filled += part.length;
      if (part.length === chunk.length) this.#chunks.shift();
      else this.#chunks[0] = chunk.subarray(part.length);
    }
    this.#buffered -= count;
    return out;
  }
}
