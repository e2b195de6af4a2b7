import { recordingFormat, recordingVersion, type RecordedFrame, type Recording } from '../protocol/recording.ts';

/** A valid recording for tests: `frames` text frames alternating up and down, one output line. */
export function sampleRecording(code = "const s = connect('/ws/echo');", frames = 2, payload?: string): Recording {
  const frame = (i: number): RecordedFrame => ({
    socket: 1,
    direction: i % 2 === 0 ? 'up' : 'down',
    opcode: 'text',
    payloadBytes: 5,
    wireBytes: i % 2 === 0 ? 11 : 7,
    measured: true,
    preview: `hello ${i}`,
    ...(payload !== undefined ? { payload } : {}),
    clientAt: 1010 + i,
    serverAt: 1011 + i,
    overlaps: false,
  });
  return {
    format: recordingFormat,
    version: recordingVersion,
    recordedAt: '2026-12-01T10:00:00.000Z',
    code,
    language: 'javascript',
    startedAt: 1000,
    clockOffsetMs: 0,
    clearedOlderFrames: 0,
    sockets: [{ socket: 1, url: 'ws://127.0.0.1/ws/echo', serverConnections: 1 }],
    frames: Array.from({ length: frames }, (_, i) => frame(i)),
    faults: [],
    output: [{ at: 1013, level: 'log', text: 'echo: hello' }],
  };
}
