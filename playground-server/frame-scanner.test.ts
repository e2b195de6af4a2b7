import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrameScanner, type ScannedFrame } from './frame-scanner.ts';
import { messagesOf, type WireMessage } from './compression-tap.ts';
import { clientFrame } from './test-support.ts';
import { serverFrame } from './wire-frame.ts';

/** Every frame the scanner reports when the bytes arrive cut into pieces of `size`. */
function scan(bytes: Buffer, size = bytes.length): ScannedFrame[] {
  const frames: ScannedFrame[] = [];
  const scanner = new FrameScanner((frame) => frames.push(frame));
  for (let offset = 0; offset < bytes.length; offset += size) scanner.push(bytes.subarray(offset, offset + size));
  return frames;
}

const cases = [
  { name: 'empty server frame', bytes: serverFrame(Buffer.alloc(0), false), header: 2, payload: 0 },
  { name: '125 bytes: 7-bit length', bytes: serverFrame(Buffer.alloc(125), true), header: 2, payload: 125 },
  { name: '126 bytes: 16-bit length', bytes: serverFrame(Buffer.alloc(126), true), header: 4, payload: 126 },
  { name: '65,536 bytes: 64-bit length', bytes: serverFrame(Buffer.alloc(65_536), false), header: 10, payload: 65_536 },
  { name: 'masked client frame, 5 bytes', bytes: clientFrame(Buffer.from('hello'), 0x1), header: 6, payload: 5 },
  { name: 'masked client frame, 300 bytes', bytes: clientFrame(Buffer.alloc(300), 0x2), header: 8, payload: 300 },
  { name: 'masked client frame, 70,000 bytes', bytes: clientFrame(Buffer.alloc(70_000), 0x2), header: 14, payload: 70_000 },
];

for (const { name, bytes, header, payload } of cases) {
  test(`scanner: ${name}, whole or cut into 1, 3 or 7-byte pieces, gives one frame of the right size`, () => {
    for (const size of [bytes.length, 1, 3, 7]) {
      const frames = scan(bytes, size);
      assert.equal(frames.length, 1, `pieces of ${size}`);
      assert.deepEqual([frames[0]!.headerBytes, frames[0]!.payloadBytes, frames[0]!.fin], [header, payload, true], `pieces of ${size}`);
    }
  });
}

test('scanner: several frames in one chunk, and RSV1 and the opcode read from the first byte', () => {
  const compressed = Buffer.from(serverFrame(Buffer.from('abc'), false));
  compressed[0] = compressed[0]! | 0x40; // RSV1, as permessage-deflate sets it
  const frames = scan(Buffer.concat([compressed, serverFrame(Buffer.alloc(200), true), clientFrame(Buffer.alloc(2), 0x8)]));
  assert.deepEqual(
    frames.map((frame) => [frame.rsv1, frame.opcode, frame.payloadBytes]),
    [
      [true, 1, 3],
      [false, 2, 200],
      [false, 8, 2],
    ],
  );
});

test('messages: a fragmented message counts all its frames; a ping between fragments is left out', () => {
  const messages: WireMessage[] = [];
  const join = messagesOf((message) => messages.push(message));
  join({ fin: false, rsv1: true, opcode: 1, headerBytes: 6, payloadBytes: 100 });
  join({ fin: true, rsv1: false, opcode: 9, headerBytes: 6, payloadBytes: 0 });
  join({ fin: true, rsv1: false, opcode: 0, headerBytes: 6, payloadBytes: 20 });
  join({ fin: true, rsv1: false, opcode: 2, headerBytes: 2, payloadBytes: 5 });
  assert.deepEqual(messages, [
    { compressed: true, wirePayloadBytes: 120, wireBytes: 132 },
    { compressed: false, wirePayloadBytes: 5, wireBytes: 7 },
  ]);
});
