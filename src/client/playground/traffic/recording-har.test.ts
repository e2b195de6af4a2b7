import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordingFormat, recordingVersion, type RecordedFrame, type Recording } from '../../../../protocol/recording.ts';
import { harMessages, harOf } from './recording-har.ts';

const frame = (over: Partial<RecordedFrame>): RecordedFrame => ({
  socket: 1,
  direction: 'up',
  opcode: 'text',
  payloadBytes: 0,
  wireBytes: 6,
  measured: true,
  preview: '',
  overlaps: false,
  ...over,
});

/** Page clock 1_700_000_000_000 ms; the server's clock runs 40 ms ahead. */
const recording: Recording = {
  format: recordingFormat,
  version: recordingVersion,
  recordedAt: '2026-12-02T03:00:00.000Z',
  code: 'connect()',
  language: 'javascript',
  startedAt: 1_700_000_000_000,
  clockOffsetMs: 40,
  clearedOlderFrames: 0,
  sockets: [
    { socket: 1, url: 'ws://127.0.0.1:4321/ws/echo?trace=a', serverConnections: 1 },
    { socket: 2, url: 'ws://127.0.0.1:4321/ws/ticker?trace=a', serverConnections: 1 },
  ],
  frames: [
    frame({ preview: 'hello', payload: 'hello', payloadBytes: 5, clientAt: 1_700_000_000_001.5, serverAt: 1_700_000_000_042 }),
    frame({ direction: 'down', opcode: 'binary', preview: '00 ff 10', payload: '00 ff 10', payloadBytes: 3, clientAt: 1_700_000_000_003, serverAt: 1_700_000_000_042.5 }),
    // The server's ping: the browser API never sees it, so only the server's time and preview exist.
    frame({ direction: 'down', opcode: 'ping', preview: '', serverAt: 1_700_000_000_050 }),
    frame({ socket: 2, direction: 'down', preview: 'tick 1', payload: 'tick 1', clientAt: 1_700_000_000_010 }),
    // A long text the browser never saw whole: the server's preview, cut, loses its ellipsis.
    frame({ direction: 'down', preview: 'abc…', serverAt: 1_700_000_000_060 }),
    frame({ preview: 'never left', payload: 'never left', clientAt: 1_700_000_000_070, queued: true, lost: true }),
    frame({ direction: 'down', opcode: 'close', preview: '03 e8', code: 1000, serverAt: 1_700_000_000_080 }),
  ],
  faults: [],
  output: [],
};

test('each frame of a socket becomes a DevTools-style message: send/receive, wall time in seconds, RFC 6455 opcode, text or base64', () => {
  assert.deepEqual(harMessages(recording, 1), [
    { type: 'send', time: 1_700_000_000.0015, opcode: 1, data: 'hello' },
    { type: 'receive', time: 1_700_000_000.003, opcode: 2, data: btoa('\x00\xff\x10') },
    { type: 'receive', time: 1_700_000_000.01, opcode: 9, data: '' },
    { type: 'receive', time: 1_700_000_000.02, opcode: 1, data: 'abc' },
    { type: 'receive', time: 1_700_000_000.04, opcode: 8, data: btoa('\x03\xe8') },
  ]);
  assert.deepEqual(harMessages(recording, 2), [{ type: 'receive', time: 1_700_000_000.01, opcode: 1, data: 'tick 1' }]);
});

test('the log is HAR 1.2 with one websocket entry per socket, in the recording\'s socket order', () => {
  const { log } = harOf(recording);
  assert.equal(log.version, '1.2');
  assert.deepEqual(log.entries.map((entry) => [entry.request.url, entry._resourceType, entry.response.status, entry._webSocketMessages.length]), [
    ['ws://127.0.0.1:4321/ws/echo?trace=a', 'websocket', 101, 5],
    ['ws://127.0.0.1:4321/ws/ticker?trace=a', 'websocket', 101, 1],
  ]);
  const [echo] = log.entries;
  assert.equal(echo?.startedDateTime, new Date(1_700_000_000_001.5).toISOString());
  assert.ok(Math.abs((echo?.time ?? 0) - 38.5) < 1e-6, `entry time ${echo?.time}`);
  // A HAR reader needs these objects present even when empty.
  for (const entry of log.entries) for (const key of ['request', 'response', 'cache', 'timings'] as const) assert.equal(typeof entry[key], 'object');
});

test('a socket with no messages still gets an entry, started when the run started', () => {
  const quiet = harOf({ ...recording, frames: [] }).log.entries[0];
  assert.deepEqual(quiet?._webSocketMessages, []);
  assert.equal(quiet?.startedDateTime, new Date(recording.startedAt).toISOString());
  assert.equal(quiet?.time, 0);
});
