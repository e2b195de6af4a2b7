import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TrafficModel, allOpcodes, matchesFilter, type Frame, type Opcode } from './model.ts';
import type { RunEvent } from '../runner/run-protocol.ts';

const send = (at: number, text: string, extra: object = {}): RunEvent => ({ type: 'socket', socket: 1, at, event: 'send', binary: false, payloadBytes: text.length, preview: text, payload: text, ...extra });
const message = (at: number, text: string, socket = 1): RunEvent => ({ type: 'socket', socket, at, event: 'message', binary: false, payloadBytes: text.length, preview: text, payload: text });
const serverFrame = (at: number, direction: 'in' | 'out', opcode: Opcode, preview: string, extra: object = {}): RunEvent => ({
  type: 'inspect',
  socket: 1,
  at,
  event: { type: 'frame', connection: 1, path: '/ws/echo', at, direction, opcode, payloadBytes: preview.length, wireBytes: preview.length + (direction === 'in' ? 6 : 2), preview, ...extra },
});
const summary = (frame: Frame | undefined) => frame && { direction: frame.direction, opcode: frame.opcode, preview: frame.preview, clientAt: frame.clientAt, serverAt: frame.serverAt, wireBytes: frame.wireBytes, measured: frame.measured };

test('an echo appears once in each lane, with the client and the server times joined', () => {
  const model = new TrafficModel();
  for (const event of [send(1000, 'hello'), serverFrame(1001, 'in', 'text', 'hello'), serverFrame(1002, 'out', 'text', 'hello'), message(1003, 'hello')]) model.add(event);
  assert.deepEqual(model.frames.map(summary), [
    { direction: 'up', opcode: 'text', preview: 'hello', clientAt: 1000, serverAt: 1001, wireBytes: 11, measured: true },
    { direction: 'down', opcode: 'text', preview: 'hello', clientAt: 1003, serverAt: 1002, wireBytes: 7, measured: true },
  ]);
});

test('the server view may arrive before the browser saw the frame: it is still one frame', () => {
  const model = new TrafficModel();
  for (const event of [serverFrame(1002, 'out', 'text', 'tick 1'), message(1004, 'tick 1')]) model.add(event);
  assert.equal(model.frames.length, 1);
  assert.deepEqual(summary(model.frames[0]), { direction: 'down', opcode: 'text', preview: 'tick 1', clientAt: 1004, serverAt: 1002, wireBytes: 8, measured: true });
});

test('without a server view, the wire size is computed from the payload (header and client mask)', () => {
  const model = new TrafficModel();
  model.add(send(1, 'hello'));
  assert.deepEqual(summary(model.frames[0]), { direction: 'up', opcode: 'text', preview: 'hello', clientAt: 1, serverAt: undefined, wireBytes: 11, measured: false });
});

test('ping, pong and close frames, which the browser never shows, come from the server view', () => {
  const model = new TrafficModel();
  model.add(serverFrame(10, 'out', 'ping', ''));
  model.add(serverFrame(11, 'in', 'pong', ''));
  model.add(serverFrame(12, 'out', 'close', '', { code: 1001, reason: 'server shutting down' }));
  assert.deepEqual(
    model.frames.map((f) => [f.direction, f.opcode, f.code]),
    [
      ['down', 'ping', undefined],
      ['up', 'pong', undefined],
      ['down', 'close', 1001],
    ],
  );
});

test('a frame sent while another was on its way the other way is marked as crossing it', () => {
  const model = new TrafficModel();
  // The server sends tick 1 at 1000; before it arrives (1005) the browser sends "hi" (1003), which the server gets at 1004.
  for (const event of [serverFrame(1000, 'out', 'text', 'tick 1'), send(1003, 'hi'), serverFrame(1004, 'in', 'text', 'hi'), message(1005, 'tick 1')]) model.add(event);
  // Tick 2 is sent after "hi" arrived and "bye" after tick 2 arrived: one after the other, no crossing.
  for (const event of [serverFrame(1100, 'out', 'text', 'tick 2'), message(1101, 'tick 2'), send(1102, 'bye'), serverFrame(1103, 'in', 'text', 'bye')]) model.add(event);
  assert.deepEqual(model.frames.map((f) => [f.preview, f.overlaps]), [
    ['tick 1', true],
    ['hi', true],
    ['tick 2', false],
    ['bye', false],
  ]);
});

test('an echo never crosses its own request, and ping/pong seen only by the server never count', () => {
  const model = new TrafficModel();
  for (const event of [send(1000, 'echo me'), serverFrame(1000.4, 'in', 'text', 'echo me'), serverFrame(1000.5, 'out', 'text', 'echo me'), message(1000.9, 'echo me')]) model.add(event);
  model.add(serverFrame(1000.6, 'out', 'ping', ''));
  model.add(serverFrame(1000.8, 'in', 'pong', ''));
  assert.deepEqual(model.frames.map((f) => f.overlaps), [false, false, false, false]);
});

test('a slow frame (latency) overlaps everything sent the other way while it travels', () => {
  const model = new TrafficModel();
  model.add(serverFrame(1000, 'out', 'text', 'slow tick'));
  model.add(send(1100, 'quick'));
  model.add(serverFrame(1101, 'in', 'text', 'quick'));
  model.add(message(1300, 'slow tick'));
  const [slow, quick] = model.frames;
  assert.deepEqual(model.span(slow!), { start: 1000, end: 1300 });
  assert.equal(slow?.overlaps, true);
  assert.equal(quick?.overlaps, true);
});

test('a queued send waits in the browser, not on the wire: it does not count as crossing', () => {
  const model = new TrafficModel();
  model.add(serverFrame(1000, 'out', 'text', 'tick'));
  model.add(send(1001, 'later', { queued: true }));
  model.add(serverFrame(1500, 'in', 'text', 'later'));
  model.add(message(1002, 'tick'));
  const later = model.frames.find((f) => f.preview === 'later');
  assert.equal(later?.queued, true);
  assert.deepEqual(model.frames.map((f) => f.overlaps), [false, false]);
});

test('a server clock that disagrees with the page (negative flight times) is corrected from frames in both directions', () => {
  const model = new TrafficModel();
  // Server clock runs 500 ms ahead; each flight takes 2 ms.
  for (const event of [send(1000, 'up'), serverFrame(1502, 'in', 'text', 'up'), serverFrame(1600, 'out', 'text', 'down'), message(1102, 'down')]) model.add(event);
  assert.equal(model.clockOffset, 500);
  assert.deepEqual(model.span(model.frames[1]!), { start: 1100, end: 1102 });
});

test('history is bounded: the oldest frames are cleared and counted', () => {
  const model = new TrafficModel({ maxFrames: 100 });
  for (let i = 0; i < 250; i++) model.add(message(i, `m${i}`));
  assert.equal(model.frames.length, 100);
  assert.equal(model.cleared, 150);
  assert.equal(model.frames[0]?.preview, 'm150');
  model.clear();
  assert.deepEqual([model.frames.length, model.cleared], [0, 0]);
});

test('changes come in batches: added frames, then frames updated by the other side', () => {
  const model = new TrafficModel();
  model.add(send(1, 'x'));
  assert.deepEqual(model.takeChanges().added.map((f) => f.preview), ['x']);
  model.add(serverFrame(2, 'in', 'text', 'x'));
  const changes = model.takeChanges();
  assert.deepEqual([changes.added.length, changes.updated.map((f) => f.serverAt)], [0, [2]]);
  assert.deepEqual(model.takeChanges(), { added: [], updated: [] });
});

test('binary previews are matched whatever hex spacing each side uses', () => {
  const model = new TrafficModel();
  model.add({ type: 'socket', socket: 1, at: 1, event: 'send', binary: true, payloadBytes: 3, preview: '01 02 ff', payload: '01 02 ff' });
  model.add({ type: 'inspect', socket: 1, at: 2, event: { type: 'frame', connection: 1, path: '/ws/echo', at: 2, direction: 'in', opcode: 'binary', payloadBytes: 3, wireBytes: 9, preview: '0102FF' } });
  assert.equal(model.frames.length, 1);
  assert.equal(model.frames[0]?.serverAt, 2);
});

test('each socket has its own lanes; a reconnect counts as another server connection', () => {
  const model = new TrafficModel();
  model.add({ type: 'socket', socket: 2, at: 0, event: 'connecting', url: 'ws://h/ws/room/a', attempt: 1 });
  model.add(message(5, 'hi', 2));
  for (const at of [1, 2]) model.add({ type: 'inspect', socket: 2, at, event: { type: 'handshake', connection: at, path: '/ws/room/a', at, method: 'GET', url: '/ws/room/a', httpVersion: '1.1', headers: [], accept: 'x' } });
  assert.deepEqual(model.lanes, [{ socket: 2, url: 'ws://h/ws/room/a', serverConnections: 2 }]);
  assert.equal(model.frames[0]?.socket, 2);
  model.clear();
  assert.equal(model.lanes.length, 1, 'Clear keeps the sockets of the run going on');
  model.reset();
  assert.deepEqual([model.lanes.length, model.frames.length], [0, 0], 'a new run starts with no sockets');
});

test('the filter keeps only the chosen directions and frame types; export is plain JSON', () => {
  const model = new TrafficModel();
  model.add(send(1, 'a'));
  model.add(serverFrame(2, 'out', 'ping', ''));
  const onlyDown = { directions: new Set(['down'] as const), opcodes: new Set(allOpcodes) };
  assert.deepEqual(model.frames.filter((f) => matchesFilter(f, onlyDown)).map((f) => f.opcode), ['ping']);
  const noPing = { directions: new Set(['up', 'down'] as const), opcodes: new Set(['text'] as const) };
  assert.deepEqual(model.frames.filter((f) => matchesFilter(f, noPing)).map((f) => f.preview), ['a']);
  const exported = JSON.parse(JSON.stringify(model));
  assert.equal(exported.format, 'duplex-traffic/1');
  assert.equal(exported.frames.length, 2);
  assert.deepEqual([exported.frames[0].start, exported.frames[0].end], [1, 1]);
});
