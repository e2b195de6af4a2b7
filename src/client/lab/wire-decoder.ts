/**
 * Reads one direction of a lab connection as it crossed the wire and says what each piece is:
 * the HTTP head, then frames with their fields (FIN, opcode, mask, length) and a preview. It
 * decodes on its own, from the bytes, so the server view shows what the learner's code really
 * sent, mistakes included.
 */
export interface WirePiece {
  /** e.g. "HTTP head", "text frame", "bytes that are not a frame yet". */
  kind: string;
  /** Decoded fields, e.g. "FIN · masked · 5 bytes". */
  fields: string;
  preview: string;
  /** Hex of the piece's first bytes. */
  hex: string;
  /** For frames: the opcode, FIN bit and the (unmasked) payload, for checks that read raw replies. */
  frame?: { opcode: number; fin: boolean; payload: Uint8Array };
}

const opcodes: Record<number, string> = { 0: 'continuation', 1: 'text', 2: 'binary', 8: 'close', 9: 'ping', 10: 'pong' };
const hexOf = (bytes: Uint8Array, max = 24) =>
  Array.from(bytes.subarray(0, max), (b) => b.toString(16).padStart(2, '0')).join(' ') + (bytes.length > max ? ' …' : '');
const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');

export class WireDecoder {
  #buffer = new Uint8Array(0);
  #inHead = true;

  /** Feeds a chunk; returns the pieces it completed (a frame split over chunks shows once whole). */
  feed(chunk: Uint8Array): WirePiece[] {
    const joined = new Uint8Array(this.#buffer.length + chunk.length);
    joined.set(this.#buffer);
    joined.set(chunk, this.#buffer.length);
    this.#buffer = joined;
    const pieces: WirePiece[] = [];
    for (;;) {
      const piece = this.#inHead ? this.#head() : this.#frame();
      if (piece === null) return pieces;
      pieces.push(piece);
    }
  }

  #head(): WirePiece | null {
    const text = latin1(this.#buffer);
    const end = text.indexOf('\r\n\r\n');
    if (end < 0) return null;
    const head = this.#take(end + 4);
    this.#inHead = false;
    const lines = text.slice(0, end).split('\r\n');
    return { kind: 'HTTP head', fields: `${lines.length - 1} headers`, preview: lines[0] ?? '', hex: hexOf(head) };
  }

  #frame(): WirePiece | null {
    const buf = this.#buffer;
    if (buf.length < 2) return null;
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    const masked = (buf[1]! & 0x80) !== 0;
    let length = buf[1]! & 0x7f;
    let at = 2;
    if (length === 126) {
      if (buf.length < 4) return null;
      length = view.getUint16(2);
      at = 4;
    } else if (length === 127) {
      if (buf.length < 10) return null;
      length = Number(view.getBigUint64(2));
      at = 10;
    }
    const keyAt = at;
    if (masked) at += 4;
    if (buf.length < at + length) return null;
    const frame = this.#take(at + length);
    const payload = frame.slice(at);
    if (masked) for (let i = 0; i < payload.length; i++) payload[i]! ^= frame[keyAt + (i % 4)]!;
    const opcode = frame[0]! & 0x0f;
    const fields = [(frame[0]! & 0x80) !== 0 ? 'FIN' : 'not FIN', masked ? 'masked' : 'unmasked', `${length} bytes`];
    if ((frame[0]! & 0x70) !== 0) fields.push('reserved bits set');
    const kind = `${opcodes[opcode] ?? `opcode ${opcode}`} frame`;
    const preview =
      opcode === 8 && payload.length >= 2
        ? `code ${new DataView(payload.buffer).getUint16(0)} ${new TextDecoder().decode(payload.subarray(2))}`
        : opcode === 2
          ? hexOf(payload, 16)
          : new TextDecoder().decode(payload.subarray(0, 120));
    return { kind, fields: fields.join(' · '), preview, hex: hexOf(frame), frame: { opcode, fin: (frame[0]! & 0x80) !== 0, payload } };
  }

  #take(size: number): Uint8Array {
    const taken = this.#buffer.slice(0, size);
    this.#buffer = this.#buffer.slice(size);
    return taken;
  }
}
