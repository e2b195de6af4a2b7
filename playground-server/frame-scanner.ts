/**
 * Reads WebSocket frame headers (RFC 6455 §5.2) out of a byte stream cut anywhere, without
 * keeping payloads: what the compression tap needs to tell how many bytes each frame really
 * took on the wire and whether RSV1 (permessage-deflate, RFC 7692 §6) was set. `ws` parses
 * and validates the same bytes for real; this only counts.
 */

export interface ScannedFrame {
  fin: boolean;
  /** RSV1: with permessage-deflate, set on the first frame of a compressed message. */
  rsv1: boolean;
  opcode: number;
  headerBytes: number;
  payloadBytes: number;
}

export class FrameScanner {
  readonly #onFrame: (frame: ScannedFrame) => void;
  /** Header bytes of the frame being read (at most 14: 2 + 8 of length + 4 of mask). */
  readonly #header = Buffer.alloc(14);
  #have = 0;
  #need = 2;
  /** Payload bytes of the current frame still to pass; the frame is reported when they have. */
  #payloadLeft = 0;
  #current: ScannedFrame | null = null;

  constructor(onFrame: (frame: ScannedFrame) => void) {
    this.#onFrame = onFrame;
  }

  push(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.#current) {
        const take = Math.min(this.#payloadLeft, chunk.length - offset);
        this.#payloadLeft -= take;
        offset += take;
        if (this.#payloadLeft === 0) this.#finish();
        continue;
      }
      const take = Math.min(this.#need - this.#have, chunk.length - offset);
      chunk.copy(this.#header, this.#have, offset, offset + take);
      this.#have += take;
      offset += take;
      if (this.#have < this.#need) continue;
      if (this.#need === 2) {
        const length7 = this.#header[1]! & 0x7f;
        const masked = (this.#header[1]! & 0x80) !== 0;
        this.#need = 2 + (length7 === 126 ? 2 : length7 === 127 ? 8 : 0) + (masked ? 4 : 0);
        if (this.#have < this.#need) continue;
      }
      this.#start();
    }
  }

  #start(): void {
    const first = this.#header[0]!;
    const length7 = this.#header[1]! & 0x7f;
    const payloadBytes = length7 === 126 ? this.#header.readUInt16BE(2) : length7 === 127 ? Number(this.#header.readBigUInt64BE(2)) : length7;
    this.#current = { fin: (first & 0x80) !== 0, rsv1: (first & 0x40) !== 0, opcode: first & 0x0f, headerBytes: this.#need, payloadBytes };
    this.#payloadLeft = payloadBytes;
    this.#have = 0;
    this.#need = 2;
    if (payloadBytes === 0) this.#finish();
  }

  #finish(): void {
    const frame = this.#current!;
    this.#current = null;
    this.#onFrame(frame);
  }
}
