import { concat, decodeUtf8, preview } from './bytes.ts';
import { isControl, Opcode, opcodeName, type DecodedFrame } from './frame.ts';

/**
 * What the server sent, frame by frame, checked against the rules RFC 6455 sets for a server
 * (§5.1–§5.5, §7.4, §8.1) and reassembled into messages. A server that breaks one of them
 * fails whatever case it was in, even if the echo looked right.
 */

/** One received frame, as the report shows it. */
export interface FrameRecord {
  /** Milliseconds since the case started. */
  atMs: number;
  opcode: string;
  fin: boolean;
  rsv: number;
  masked: boolean;
  payloadLength: number;
  preview: string;
  /** Close frames only. */
  code?: number | null;
  reason?: string | null;
}

/** What a case's verdict looks at: whole messages, pongs and the close, in arrival order. */
export type Received =
  | { kind: 'text' | 'binary'; payload: Uint8Array; atMs: number }
  | { kind: 'pong' | 'ping'; payload: Uint8Array; atMs: number }
  | { kind: 'close'; code: number | null; reason: string | null; atMs: number };

/**
 * §7.4.1/§7.4.2 and the IANA registry: codes an endpoint may put in a close frame. 1004–1006
 * and 1015 are reserved or only reported locally; 1016–2999 are unassigned; 3000–4999 belong
 * to libraries and applications.
 */
export function isSendableCloseCode(code: number): boolean {
  return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
}

export class ServerStream {
  readonly frames: FrameRecord[] = [];
  readonly received: Received[] = [];
  readonly violations: string[] = [];
  #fragments: Uint8Array[] = [];
  #fragmentedKind: 'text' | 'binary' | null = null;
  #closed = false;

  accept(frame: DecodedFrame, atMs: number): void {
    const record: FrameRecord = {
      atMs,
      opcode: opcodeName(frame.opcode),
      fin: frame.fin,
      rsv: frame.rsv,
      masked: frame.masked,
      payloadLength: frame.payload.length,
      preview: preview(frame.payload, frame.opcode === Opcode.text || (frame.opcode === Opcode.continuation && this.#fragmentedKind === 'text')),
    };
    this.frames.push(record);
    const where = `frame ${this.frames.length} (${record.opcode})`;
    const violate = (rule: string): void => {
      this.violations.push(`${where}: ${rule}`);
    };

    if (this.#closed) violate('sent after the server’s close frame (§5.5.1: nothing may follow a close)');
    if (frame.masked) violate('masked (§5.1: a server MUST NOT mask frames)');
    if (frame.rsv !== 0) violate(`reserved bits ${frame.rsv.toString(2).padStart(3, '0')} set without a negotiated extension (§5.2)`);
    if (!frame.minimalLength) violate('payload length not in its shortest encoding (§5.2)');

    if (isControl(frame.opcode)) {
      if (frame.payload.length > 125) violate(`control frame with ${frame.payload.length} bytes of payload (§5.5: at most 125)`);
      if (!frame.fin) violate('fragmented control frame (§5.5)');
      if (frame.opcode === Opcode.ping || frame.opcode === Opcode.pong) {
        this.received.push({ kind: frame.opcode === Opcode.ping ? 'ping' : 'pong', payload: frame.payload, atMs });
      } else if (frame.opcode === Opcode.close) {
        this.#acceptClose(frame.payload, atMs, record, violate);
      } else {
        violate('reserved control opcode (§5.2)');
      }
      return;
    }

    if (frame.opcode === Opcode.continuation) {
      if (this.#fragmentedKind === null) return violate('continuation frame without a message to continue (§5.4)');
      this.#fragments.push(frame.payload);
    } else if (frame.opcode === Opcode.text || frame.opcode === Opcode.binary) {
      if (this.#fragmentedKind !== null) violate('new data frame before the fragmented message ended (§5.4)');
      this.#fragmentedKind = frame.opcode === Opcode.text ? 'text' : 'binary';
      this.#fragments = [frame.payload];
    } else {
      return violate('reserved data opcode (§5.2)');
    }
    if (!frame.fin) return;
    const kind = this.#fragmentedKind;
    const payload = concat(this.#fragments);
    this.#fragmentedKind = null;
    this.#fragments = [];
    if (kind === 'text' && decodeUtf8(payload) === null) this.violations.push(`${where}: text message is not valid UTF-8 (§8.1)`);
    this.received.push({ kind, payload, atMs });
  }

  #acceptClose(payload: Uint8Array, atMs: number, record: FrameRecord, violate: (rule: string) => void): void {
    this.#closed = true;
    let code: number | null = null;
    let reason: string | null = '';
    if (payload.length === 1) violate('close payload of 1 byte (§5.5.1: a code is 2 bytes)');
    if (payload.length >= 2) {
      code = (payload[0]! << 8) | payload[1]!;
      if (!isSendableCloseCode(code)) violate(`close code ${code} may not be sent (§7.4)`);
      reason = decodeUtf8(payload.subarray(2));
      if (reason === null) violate('close reason is not valid UTF-8 (§5.5.1)');
    }
    record.code = code;
    record.reason = reason;
    this.received.push({ kind: 'close', code, reason, atMs });
  }
}
