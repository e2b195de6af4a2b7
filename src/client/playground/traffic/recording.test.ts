import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRecording, recordingLimits } from '../../../../protocol/recording.ts';
import type { RunEvent } from '../runner/run-protocol.ts';
import { TrafficModel, type Frame } from './model.ts';
import { outputLine, recordingOf } from './recording.ts';
import { ReplayTimeline } from './replay-timeline.ts';

const send = (at: number, text: string): RunEvent => ({ type: 'socket', socket: 1, at, event: 'send', binary: false, payloadBytes: text.length, preview: text, payload: text });
const message = (at: number, text: string): RunEvent => ({ type: 'socket', socket: 1, at, event: 'message', binary: false, payloadBytes: text.length, preview: text, payload: text });
const server = (at: number, event: object): RunEvent => ({ type: 'inspect', socket: 1, at, event: { connection: 1, path: '/ws/echo', at, ...event } as never });
const frame = (at: number, direction: 'in' | 'out', opcode: string, preview: string, extra: object = {}) =>
  server(at, { type: 'frame', direction, opcode, payloadBytes: preview.length, wireBytes: preview.length + (direction === 'in' ? 6 : 2), preview, ...extra });

/** A run with both lanes, a control frame, a fault, a close and sub-millisecond timings. */
function recordedRun() {
  const model = new TrafficModel();
  const events: RunEvent[] = [
    { type: 'socket', socket: 1, at: 1000, event: 'connecting', url: 'ws://127.0.0.1:4321/ws/echo?trace=r-1' },
    server(1000.4, { type: 'handshake', method: 'GET', url: '/ws/echo', httpVersion: '1.1', headers: [], accept: 'x' }),
    send(1001.25, 'hello'),
    frame(1001.75, 'in', 'text', 'hello'),
    frame(1002.125, 'out', 'text', 'hello'),
    message(1002.5, 'hello'),
    frame(1003, 'out', 'ping', ''),
    frame(1003.3, 'in', 'pong', ''),
    server(1004, { type: 'fault', connection: 0, path: '/ws/inspect', fault: 'drop', connections: 1 }),
    frame(1005, 'out', 'close', '', { code: 1001, reason: 'bye' }),
  ];
  for (const event of events) model.add(event);
  const output = [outputLine({ type: 'console', level: 'log', text: 'got hello', at: 1002.6 })].filter((line) => line !== null);
  return { model, recording: recordingOf(model, { code: 'connect()', language: 'javascript', startedAt: 1000, output }) };
}

const comparable = (frames: readonly Frame[], model: TrafficModel) =>
  frames.map((f) => ({ direction: f.direction, opcode: f.opcode, payloadBytes: f.payloadBytes, wireBytes: f.wireBytes, preview: f.preview, ...model.span(f) }));

test('record → export → import → replay gives the same frames: order, directions, sizes and timings', () => {
  const { model, recording } = recordedRun();
  const read = parseRecording(JSON.stringify(recording, null, 2));
  assert.ok(read.ok, read.ok ? '' : read.message);
  const replayed = new TrafficModel();
  replayed.restore(read.recording.sockets, read.recording.clockOffsetMs);
  const timeline = new ReplayTimeline(read.recording);
  for (const index of timeline.visibleAt(timeline.duration)) replayed.replay(read.recording.frames[index]!);
  const before = comparable(model.frames, model);
  const after = comparable(replayed.frames, replayed);
  assert.equal(after.length, before.length);
  assert.equal(before.length, 5);
  after.forEach((frame, i) => {
    const original = before[i]!;
    assert.deepEqual({ ...frame, start: 0, end: 0 }, { ...original, start: 0, end: 0 });
    assert.ok(Math.abs(frame.start - original.start) < 1 && Math.abs(frame.end - original.end) < 1, `frame ${i} timing`);
  });
  assert.deepEqual(read.recording.faults, [{ socket: 1, at: 1004, fault: 'drop' }]);
  assert.deepEqual(read.recording.output.map((line) => line.text), ['got hello']);
  assert.deepEqual(replayed.lanes, model.lanes);
});

test('the scrubber shows the frames that had left by then and steps from one to the next', () => {
  const { recording } = recordedRun();
  const timeline = new ReplayTimeline(recording);
  assert.deepEqual(timeline.visibleAt(0), []);
  assert.deepEqual(timeline.visibleAt(1.25), [0]);
  assert.equal(timeline.next(0), 1.25);
  assert.equal(timeline.next(1.25), 2.125);
  assert.equal(timeline.previous(2.125), 1.25);
  assert.equal(timeline.previous(1.25), 0);
  assert.equal(timeline.duration, 5);
  assert.deepEqual(timeline.visibleAt(timeline.duration), [0, 1, 2, 3, 4]);
});

test('a foreign, newer, damaged or non-JSON file is refused with a message that says which', () => {
  const { recording } = recordedRun();
  const refused = (text: string) => {
    const read = parseRecording(text);
    assert.equal(read.ok, false);
    return read.ok ? '' : read.message;
  };
  assert.equal(refused('{"log":{"version":"1.2","entries":[]}}'), 'This is not a Duplex recording (expected "format": "duplex-recording").');
  assert.equal(refused(JSON.stringify({ ...recording, version: 2 })), 'This recording has version 2; this page reads version 1.');
  assert.equal(refused('{"format": "duplex-rec'), 'This file is not JSON, so it is not a Duplex recording.');
  const damaged = { ...recording, frames: recording.frames.map((f, i) => (i === 3 ? { ...f, direction: 'sideways' } : f)) };
  assert.match(refused(JSON.stringify(damaged)), /^This recording is damaged: frames\[3\]\.direction: /);
  const tooMany = { ...recording, frames: Array.from({ length: recordingLimits.frames + 1 }, () => recording.frames[0]) };
  assert.match(refused(JSON.stringify(tooMany)), /^This recording is damaged: frames: /);
});
