import type { Recording } from '../../../../protocol/recording.ts';
import { spanOf } from './model.ts';

/**
 * When each recorded frame appears in a replay: at the moment it left (its span's start),
 * counted from the run's start. Pure, so the scrubber's arithmetic is unit-tested.
 */
export class ReplayTimeline {
  readonly recording: Recording;
  /** Per frame, in recorded order: ms after the start when it appears. */
  readonly appearsAt: readonly number[];
  /** Distinct appearance times, ascending: the stops of "step frame by frame". */
  readonly #stops: readonly number[];
  readonly duration: number;

  constructor(recording: Recording) {
    this.recording = recording;
    this.appearsAt = recording.frames.map((frame) => Math.max(0, spanOf(frame, recording.clockOffsetMs).start - recording.startedAt));
    this.#stops = [...new Set(this.appearsAt)].sort((a, b) => a - b);
    const ends = recording.frames.map((frame) => spanOf(frame, recording.clockOffsetMs).end - recording.startedAt);
    const outputEnd = recording.output.map((line) => line.at - recording.startedAt);
    this.duration = Math.max(0, ...ends, ...outputEnd);
  }

  /** Indexes (in recorded order) of the frames that have appeared by `t`. */
  visibleAt(t: number): number[] {
    const shown: number[] = [];
    this.appearsAt.forEach((at, index) => {
      if (at <= t) shown.push(index);
    });
    return shown;
  }

  /** The next moment a frame appears after `t` (or the end). */
  next(t: number): number {
    return this.#stops.find((stop) => stop > t) ?? this.duration;
  }

  /** The last moment a frame appeared before `t` (or the start). */
  previous(t: number): number {
    return this.#stops.findLast((stop) => stop < t) ?? 0;
  }
}
