import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytes, chunks, concat, utf8 } from './bytes.ts';
import { applyMask, encodeFrame, FrameError, FrameReader, Opcode, type DecodedFrame } from './frame.ts';

function readAll(data: Uint8Array, pieceSize = data.length): DecodedFrame[] {
  const reader = new FrameReader();
  const frames: DecodedFrame[] = [];
  for (const piece of chunks(data, pieceSize)) {
    reader.push(piece);
    for (let f = reader.next(); f !== null; f = reader.next()) frames.push(f);
  }
  return frames;
}

test('every length encoding round-trips, masked and unmasked, whole or byte by byte', () => {
  for (const length of [0, 1, 125, 126, 127, 65535, 65536, 70000]) {
    for (const mask of [true, false]) {
      const payload = Uint8Array.from({ length }, (_, i) => i % 251);
      const wire = encodeFrame({ opcode: Opcode.binary, payload, mask });
      const headerLength = 2 + (length > 65535 ? 8 : length > 125 ? 2 : 0) + (mask ? 4 : 0);
      assert.equal(wire.length, headerLength + length, `length ${length}`);
      for (const pieceSize of length < 200 ? [wire.length, 1] : [wire.length, 997]) {
        const [frame, ...rest] = readAll(wire, pieceSize);
        assert.equal(rest.length, 0);
        assert.deepEqual(frame!.payload, payload);
        assert.equal(frame!.masked, mask);
        assert.equal(frame!.minimalLength, true);
      }
    }
  }
});

test('the builder sets FIN, RSV bits and opcode as asked, with a fresh mask key each frame', () => {
  const spec = { opcode: 0xb, fin: false, rsv1: true, rsv3: true, payload: utf8('x') };
  const a = encodeFrame(spec);
  const b = encodeFrame(spec);
  assert.equal(a[0], 0x50 | 0xb);
  const [decoded] = readAll(a);
  assert.deepEqual({ fin: decoded!.fin, rsv: decoded!.rsv, opcode: decoded!.opcode }, { fin: false, rsv: 0b101, opcode: 0xb });
  assert.notDeepEqual(a.subarray(2, 6), b.subarray(2, 6), 'two frames, two mask keys');
  assert.deepEqual(applyMask(applyMask(utf8('abcde'), bytes(1, 2, 3, 4)), bytes(1, 2, 3, 4)), utf8('abcde'));
});

test('the reader splits back-to-back frames and flags lengths in a longer encoding than needed', () => {
  const nonMinimal = concat([bytes(0x81, 126, 0, 5), utf8('hello')]);
  const frames = readAll(concat([encodeFrame({ opcode: Opcode.ping, payload: utf8('p'), mask: false }), nonMinimal]));
  assert.deepEqual(frames.map((f) => [f.opcode, f.minimalLength]), [[Opcode.ping, true], [Opcode.text, false]]);
});

test('a 64-bit length with the most significant bit set cannot be read', () => {
  const reader = new FrameReader();
  reader.push(bytes(0x82, 127, 0x80, 0, 0, 0, 0, 0, 0, 1));
  assert.throws(() => reader.next(), FrameError);
});
