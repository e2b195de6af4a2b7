import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compressionPays, deflatePath } from './compression-pays.ts';
import { connecting, frame, logLine, serverFrame } from './fixtures.ts';

const joined = connecting(1, 0, `ws://127.0.0.1:4321${deflatePath}?trace=t-1`);
const arrived = (at: number, opcode: 'text' | 'binary', payloadBytes: number, compressedBytes?: number, path = deflatePath) =>
  serverFrame(1, at, 'in', opcode, path, payloadBytes, '…', compressedBytes === undefined ? {} : { compressedBytes });

test('the solution passes: 2,000 bytes of JSON compressed to 120, and 2,000 random bytes that grew to 2,011', () => {
  const verdict = compressionPays([joined, arrived(1, 'text', 2000, 120), arrived(2, 'binary', 2000, 2011)]);
  assert.deepEqual(verdict, { passed: true, message: 'the server received 2000 bytes, compressed to 120 (16.7×), and 2000 bytes, compressed to 2011 (1.0×).' });
});

test('a sender that skips compression for data it cannot shrink also shows it does not pay', () => {
  assert.equal(compressionPays([joined, arrived(1, 'text', 2000, 120), arrived(2, 'binary', 2000)]).passed, true);
});

test('the starter fails: a 5-byte hello is far under the size asked for', () => {
  assert.match(compressionPays([joined, frame('send', 1, 1, 'hello'), arrived(2, 'text', 5, 7)]).message, /largest message the server received was 5 bytes/);
});

test('cheat: log lines claiming ratios, with nothing sent, fail', () => {
  const events = [joined, logLine(1, 'json: 2000 → 120 bytes (16.7×)'), logLine(2, 'random: 2000 → 2011 bytes')];
  assert.match(compressionPays(events).message, /received nothing on \/ws\/echo-deflate/);
});

test('cheat: the same two payloads to /ws/echo, where nothing is compressed, fail', () => {
  const events = [connecting(1, 0, 'ws://127.0.0.1:4321/ws/echo?trace=t-1'), arrived(1, 'text', 2000, undefined, '/ws/echo'), arrived(2, 'binary', 2000, undefined, '/ws/echo')];
  assert.match(compressionPays(events).message, /no socket connected to \/ws\/echo-deflate/);
});

test('cheat: connected to echo-deflate but sent the messages on another socket to /ws/echo: fail', () => {
  const events = [joined, arrived(1, 'text', 2000, undefined, '/ws/echo'), arrived(2, 'binary', 2000, undefined, '/ws/echo')];
  assert.match(compressionPays(events).message, /received nothing on/);
});

test('only repetitive messages: the one that does not pay is still missing', () => {
  assert.match(compressionPays([joined, arrived(1, 'text', 2000, 120), arrived(2, 'text', 3000, 130)]).message, /that one pays\. Now send 1000 bytes or more/);
});

test('only random-looking messages: the best ratio so far is named', () => {
  assert.match(compressionPays([joined, arrived(1, 'text', 2000, 900)]).message, /best message so far: 2000 bytes, compressed to 900 \(2\.2×\)/);
});

test('a small random message does not count as "does not pay": deflate framing alone decides it', () => {
  assert.match(compressionPays([joined, arrived(1, 'text', 2000, 120), arrived(2, 'binary', 50, 60)]).message, /Now send 1000 bytes/);
});
