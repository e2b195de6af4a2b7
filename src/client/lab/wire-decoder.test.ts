import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WireDecoder } from './wire-decoder.ts';

test('the server view reads the head, then masked and unmasked frames split across chunks', () => {
  const decoder = new WireDecoder();
  const head = new TextEncoder().encode('GET /lab/x HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\n\r\n');
  // "Hi" masked with key 01 02 03 04, then the first byte of an unmasked 300-byte text frame.
  const masked = [0x81, 0x82, 1, 2, 3, 4, 0x48 ^ 1, 0x69 ^ 2];
  const pieces = decoder.feed(new Uint8Array([...head, ...masked, 0x81]));
  assert.deepEqual(
    pieces.map((p) => [p.kind, p.fields, p.preview]),
    [
      ['HTTP head', '2 headers', 'GET /lab/x HTTP/1.1'],
      ['text frame', 'FIN · masked · 2 bytes', 'Hi'],
    ],
  );
  assert.deepEqual(decoder.feed(new Uint8Array([0x7e, 0x01])), []);
  const rest = decoder.feed(new Uint8Array([0x2c, ...new Uint8Array(300).fill(0x61)]));
  assert.deepEqual([rest[0]?.kind, rest[0]?.fields], ['text frame', 'FIN · unmasked · 300 bytes']);
});

test('a close frame shows its code and reason; an unknown opcode and reserved bits are named', () => {
  const decoder = new WireDecoder();
  decoder.feed(new TextEncoder().encode('HTTP/1.1 101 Switching Protocols\r\n\r\n'));
  const pieces = decoder.feed(new Uint8Array([0x88, 0x05, 0x0f, 0xa1, 0x62, 0x79, 0x65, 0xc3, 0x00]));
  assert.deepEqual(pieces.map((p) => [p.kind, p.preview, p.fields]), [
    ['close frame', 'code 4001 bye', 'FIN · unmasked · 5 bytes'],
    ['opcode 3 frame', '', 'FIN · unmasked · 0 bytes · reserved bits set'],
  ]);
});

test('a frame shows its wire bytes as sent (mask included), a 4 MiB frame in 16 KB pieces comes out once and whole', () => {
  const decoder = new WireDecoder();
  decoder.feed(new TextEncoder().encode('GET / HTTP/1.1\r\n\r\n'));
  const [hi] = decoder.feed(new Uint8Array([0x81, 0x82, 1, 2, 3, 4, 0x48 ^ 1, 0x69 ^ 2]));
  assert.equal(hi?.hex, '81 82 01 02 03 04 49 6b');
  const size = 4 * 1024 * 1024;
  const frame = new Uint8Array(10 + size).fill(0x62);
  frame.set([0x82, 127, 0, 0, 0, 0, 0, 0x40, 0, 0]);
  const pieces = [];
  for (let at = 0; at < frame.length; at += 16 * 1024) pieces.push(...decoder.feed(frame.subarray(at, at + 16 * 1024)));
  assert.deepEqual(pieces.map((p) => [p.kind, p.fields, p.frame?.payload.length]), [['binary frame', `FIN · unmasked · ${size} bytes`, size]]);
});

test('a length no frame may have is named, and decoding stops there', () => {
  const decoder = new WireDecoder();
  decoder.feed(new TextEncoder().encode('HTTP/1.1 101 Switching Protocols\r\n\r\n'));
  const pieces = decoder.feed(new Uint8Array([0x81, 127, 0xff, 0, 0, 0, 0, 0, 0, 1, 0x81, 0]));
  assert.deepEqual(pieces.map((p) => p.kind), ['bytes that are not a frame']);
  assert.deepEqual(decoder.feed(new Uint8Array([0x81, 0])), []);
});
