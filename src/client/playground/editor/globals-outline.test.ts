import { test } from 'node:test';
import assert from 'node:assert/strict';
import { playgroundGlobalsDts } from './globals-dts.ts';
import { interfaceOf, outlineDts } from './globals-outline.ts';

test('every global of the type definitions is listed with its signature and its documentation', () => {
  const { globals } = outlineDts(playgroundGlobalsDts);
  assert.deepEqual(globals.map((entry) => [entry.name, entry.kind]), [
    ['connect', 'function'],
    ['log', 'function'],
    ['sleep', 'function'],
    ['sampleKey', 'constant'],
    ['serve', 'function'],
  ]);
  const connect = globals.find((entry) => entry.name === 'connect')!;
  assert.equal(connect.detail, 'connect(path: string | (() => string), options?: DuplexSocketOptions): DuplexSocket');
  assert.match(connect.doc, /^Opens a reconnecting socket to a path on the Duplex server.*Every frame it sends or receives shows up/);
  assert.equal(globals.find((entry) => entry.name === 'sampleKey')!.detail, 'sampleKey: string');
});

test("an interface's members are listed, the multi-line documented ones included", () => {
  const { members } = outlineDts(playgroundGlobalsDts);
  const socket = members['DuplexSocket']!;
  assert.deepEqual(socket.filter((entry) => entry.kind === 'method').map((entry) => entry.name), ['send', 'close', 'reconnect']);
  assert.ok(socket.some((entry) => entry.name === 'readyState' && entry.kind === 'property' && entry.detail === 'readonly readyState: number'));
  assert.match(socket.find((entry) => entry.name === 'send')!.doc, /queues while closed/);
  assert.match(members['DuplexSocketOptions']!.find((entry) => entry.name === 'heartbeat')!.doc, /^An application heartbeat .* \{ intervalMs: 2000/);
  assert.deepEqual(members['LabSocket']!.map((entry) => entry.name), ['id', 'onData', 'onClose', 'write', 'end']);
  // A member without documentation has none, not its neighbour's.
  assert.equal(socket.find((entry) => entry.name === 'url')!.doc, '');
});

test("a name's interface is read from how the learner made it", () => {
  assert.equal(interfaceOf('s', "const s = connect('/ws/echo');"), 'DuplexSocket');
  assert.equal(interfaceOf('lab', 'const lab = await serve((socket) => {});'), 'Lab');
  assert.equal(interfaceOf('socket', 'const lab = await serve((socket) => {});'), 'LabSocket');
  assert.equal(interfaceOf('conn', 'serve(async conn => {});'), 'LabSocket');
  assert.equal(interfaceOf('client', 'serve(function (client) {});'), 'LabSocket');
  assert.equal(interfaceOf('JSON', "const s = connect('/ws/echo');"), null);
  assert.equal(interfaceOf('ss', "const s = connect('/ws/echo');"), null);
});
