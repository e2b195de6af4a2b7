import { applyMask, FrameError, FrameReader, type DecodedFrame } from '../../../conformance/frame.ts';

/**
 * Reads one direction of a lab connection as it crossed the wire and says what each piece is:
 * the HTTP head, then frames with their fields (FIN, opcode, mask, length) and a preview. It
 * decodes on its own, from the bytes, so the server view shows what the learner's code really
 * sent, mistakes included. Linear in the bytes fed, however they are chunked: a 4 MiB message
 * in 16 KB pieces is read once, not re-joined on every piece.
 */
export interface WirePiece {
  /** e.g. "HTTP head", "text frame", "bytes that are not a frame". */
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
const hexBytes = 24;
const hexOf = (bytes: Uint8Array, max = hexBytes, more = bytes.length > max) =>
  Array.from(bytes.subarray(0, max), (b) => b.toString(16).padStart(2, '0')).join(' ') + (more ? ' …' : '');
const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');

export class WireDecoder {
  /** The head's bytes so far, as latin1 text (one char per byte); null once the head is read. */
  #head: string | null = '';
  readonly #frames = new FrameReader();
  #broken = false;

  /** Feeds a chunk; returns the pieces it completed (a frame split over chunks shows once whole). */
  feed(chunk: Uint8Array): WirePiece[] {
    if (this.#broken) return [];
    const pieces: WirePiece[] = [];
    if (this.#head !== null) {
      const searchFrom = Math.max(0, this.#head.length - 3);
      this.#head += latin1(chunk);
      const end = this.#head.indexOf('\r\n\r\n', searchFrom);
      if (end < 0) return pieces;
      const text = this.#head;
      this.#head = null;
      const lines = text.slice(0, end).split('\r\n');
      const headBytes = end + 4;
      pieces.push({ kind: 'HTTP head', fields: `${lines.length - 1} headers`, preview: lines[0] ?? '', hex: hexOf(bytesOf(text.slice(0, Math.min(headBytes, hexBytes))), hexBytes, headBytes > hexBytes) });
      // What came after the head in the same chunk is the first frames' bytes.
      this.#frames.push(chunk.subarray(chunk.length - (text.length - headBytes)));
    } else {
      this.#frames.push(chunk);
    }
    try {
      for (let frame = this.#frames.next(); frame !== null; frame = this.#frames.next()) pieces.push(describe(frame));
    } catch (error) {
      if (!(error instanceof FrameError)) throw error;
      this.#broken = true;
      pieces.push({ kind: 'bytes that are not a frame', fields: error.message, preview: '', hex: '' });
    }
    return pieces;
  }
}

const bytesOf = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

function describe(frame: DecodedFrame): WirePiece {
  const { opcode, payload, fin, masked, header, maskKey } = frame;
  const fields = [fin ? 'FIN' : 'not FIN', masked ? 'masked' : 'unmasked', `${payload.length} bytes`];
  if (frame.rsv !== 0) fields.push('reserved bits set');
  const kind = `${opcodes[opcode] ?? `opcode ${opcode}`} frame`;
  const preview =
    opcode === 8 && payload.length >= 2
      ? `code ${new DataView(payload.buffer, payload.byteOffset).getUint16(0)} ${new TextDecoder().decode(payload.subarray(2))}`
      : opcode === 2
        ? hexOf(payload, 16)
        : new TextDecoder().decode(payload.subarray(0, 120));
  // The wire bytes: the header as sent, then the payload as sent (masked again, if it was).
  const start = payload.subarray(0, Math.max(0, hexBytes - header.length));
  const wire = new Uint8Array(header.length + start.length);
  wire.set(header);
  wire.set(maskKey ? applyMask(start, maskKey) : start, header.length);
  return { kind, fields: fields.join(' · '), preview, hex: hexOf(wire, hexBytes, header.length + payload.length > hexBytes), frame: { opcode, fin, payload } };
}
