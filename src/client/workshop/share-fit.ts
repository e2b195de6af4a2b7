import type { Recording } from '../../../protocol/recording.ts';

export type FittedShare = { ok: true; recording: Recording; note: string | null } | { ok: false; message: string };

/** Bytes of the `share` message as it goes on the wire (UTF-8 JSON): what the server bounds. */
export const shareBytes = (recording: Recording) => new TextEncoder().encode(JSON.stringify({ type: 'share', recording })).length;

/**
 * Fits a run into the room's bound (WORKSHOP_SHARE_BYTES) so "Share my run" works for a long
 * run too: first the full payloads go (each frame keeps its preview, sizes and times), then the
 * oldest frames, the way the live view drops them (counted in `clearedOlderFrames`). The code
 * and the output stay whole; a run whose code alone is too big cannot be shared.
 */
export function fitShare(recording: Recording, maxBytes: number): FittedShare {
  if (shareBytes(recording) <= maxBytes) return { ok: true, recording, note: null };
  const previews: Recording = { ...recording, frames: recording.frames.map(({ payload: _payload, ...frame }) => frame) };
  if (shareBytes(previews) <= maxBytes) return { ok: true, recording: previews, note: 'Sent with frame previews only: the full payloads were too big to share.' };
  // The newest frames that fit, found by halving (a few serialisations, not one per frame).
  const keeping = (count: number): Recording => ({
    ...previews,
    frames: previews.frames.slice(previews.frames.length - count),
    clearedOlderFrames: previews.clearedOlderFrames + previews.frames.length - count,
  });
  let low = 0;
  let high = previews.frames.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (shareBytes(keeping(middle)) <= maxBytes) low = middle;
    else high = middle - 1;
  }
  const fitted = keeping(low);
  if (shareBytes(fitted) > maxBytes) return { ok: false, message: `This run is too big to share: its code and output alone are over the room's ${maxBytes} bytes.` };
  return { ok: true, recording: fitted, note: `Sent the newest ${low} of ${previews.frames.length} frames, as previews: the whole run was too big to share.` };
}
