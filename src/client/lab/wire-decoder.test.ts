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
