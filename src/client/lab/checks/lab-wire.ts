import type { LabReport } from '../lab-run-event.ts';
import { WireDecoder, type WirePiece } from '../wire-decoder.ts';

/** Reading the tunnel's own record of a run (`LabTarget.wire`): which connections, which frames. */

export type WireFrame = NonNullable<WirePiece['frame']>;

/** The lab connections opened so far, in order. */
export function connectionsOf(wire: readonly LabReport[]): number[] {
  return wire.flatMap((report) => (report.event === 'open' ? [report.connection] : []));
}

/**
 * The frames one side of a connection put on the wire (`out`: the learner's server; `in`: the
 * browser), decoded from the bytes as they crossed, the HTTP head skipped.
 */
export function framesOn(wire: readonly LabReport[], connection: number, direction: 'in' | 'out'): WireFrame[] {
  const decoder = new WireDecoder();
  const frames: WireFrame[] = [];
  for (const report of wire) {
    if (report.event !== 'bytes' || report.connection !== connection || report.direction !== direction) continue;
    for (const piece of decoder.feed(report.bytes)) if (piece.frame) frames.push(piece.frame);
  }
  return frames;
}

/** The status code of the first close frame among `frames`, or null. */
export function closeCodeIn(frames: readonly WireFrame[]): number | null {
  const close = frames.find((frame) => frame.opcode === 0x8);
  return close && close.payload.length >= 2 ? (close.payload[0]! << 8) | close.payload[1]! : null;
}
