import { recordingFormat, recordingLimits, recordingVersion, type RecordedFrame, type RecordedOutput, type Recording } from '../../../../protocol/recording.ts';
import type { Language, RunEvent } from '../runner/run-protocol.ts';
import type { Frame, TrafficModel } from './model.ts';

/** What a recording needs beyond the traffic model: the run's code, start and output. */
export interface RunSource {
  code: string;
  language: Language;
  startedAt: number;
  output: readonly RecordedOutput[];
}

const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

/** The run's output lines a recording keeps: console output and why the run failed. */
export function outputLine(event: RunEvent): RecordedOutput | null {
  if (event.type === 'console') return { at: event.at, level: event.level, text: cut(event.text, recordingLimits.text) };
  if (event.type === 'failed') return { at: event.at, level: 'failed', text: cut(event.message, recordingLimits.text) };
  return null;
}

/** A frame as the file keeps it: no page-local id, long texts cut to the schema's bounds. */
function recordedFrame(frame: Frame): RecordedFrame {
  const { id: _id, preview, payload, reason, ...rest } = frame;
  return {
    ...rest,
    preview: cut(preview, recordingLimits.preview),
    ...(payload !== undefined ? { payload: cut(payload, recordingLimits.payload) } : {}),
    ...(reason !== undefined ? { reason: cut(reason, 123) } : {}),
  };
}

/** The run as the versioned file format (protocol/recording.ts). */
export function recordingOf(model: TrafficModel, source: RunSource): Recording {
  return {
    format: recordingFormat,
    version: recordingVersion,
    recordedAt: new Date().toISOString(),
    code: cut(source.code, recordingLimits.code),
    language: source.language,
    startedAt: source.startedAt,
    clockOffsetMs: model.clockOffset,
    clearedOlderFrames: model.cleared + Math.max(0, model.frames.length - recordingLimits.frames),
    sockets: model.lanes.slice(0, recordingLimits.sockets).map((lane) => ({ ...lane, url: cut(lane.url, recordingLimits.url) })),
    frames: model.frames.slice(-recordingLimits.frames).map(recordedFrame),
    faults: model.faults.slice(0, recordingLimits.faults),
    output: source.output.slice(-recordingLimits.output),
  };
}
