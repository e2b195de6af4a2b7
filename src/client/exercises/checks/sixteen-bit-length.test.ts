import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sixteenBitLength } from './sixteen-bit-length.ts';
import { frame, logLine, serverFrame } from './fixtures.ts';

const echo = '/ws/echo';
/** What the learner's socket reports and what the server saw, for one binary message and its echo. */
const binaryRoundTrip = (bytes: number) => [
  frame('send', 1, 1, '00 01 …', { binary: true, bytes }),
  serverFrame(1, 2, 'in', 'binary', echo, bytes, '00 01 …'),
  serverFrame(1, 3, 'out', 'binary', echo, bytes, '00 01 …'),
  frame('message', 1, 4, '00 01 …', { binary: true, bytes }),
];

test('the solution passes: the server received a 300-byte binary frame (8-byte header) and echoed it', () => {
  const verdict = sixteenBitLength(binaryRoundTrip(300));
  assert.equal(verdict.passed, true);
  assert.match(verdict.message, /300 bytes in one binary frame of 308 bytes \(a 8-byte header/);
});

test('the boundaries: 125 bytes still fits 7 bits, 126 and 65,535 need 16, 65,536 needs 64', () => {
  const verdict = (bytes: number) => sixteenBitLength(binaryRoundTrip(bytes)).passed;
  assert.deepEqual([125, 126, 65_535, 65_536].map(verdict), [false, true, true, false]);
});

test('the starter fails: a short text message, named as the server saw it', () => {
  const events = [frame('send', 1, 1, 'hello'), serverFrame(1, 2, 'in', 'text', echo, 5, 'hello'), serverFrame(1, 3, 'out', 'text', echo, 5, 'hello')];
  assert.deepEqual(sixteenBitLength(events), { passed: false, message: "the server's last frame from you was text, 5 bytes; send binary, 126 to 65,535 bytes." });
});

test('cheat: a long TEXT message has a 16-bit length but is not the binary frame asked for', () => {
  const events = [serverFrame(1, 2, 'in', 'text', echo, 300, 'xxx'), serverFrame(1, 3, 'out', 'text', echo, 300, 'xxx')];
  assert.match(sixteenBitLength(events).message, /was text, 300 bytes/);
});

test('cheat: log lines that claim a 300-byte binary echo, with no frame on the wire, fail', () => {
  const events = [logLine(1, 'sent 300 bytes as binary'), logLine(2, 'binary echo of 300 bytes')];
  assert.deepEqual(sixteenBitLength(events), { passed: false, message: 'nothing was sent yet.' });
});

test('cheat: the socket says it sent and got 300 binary bytes, but the server received nothing: not passed', () => {
  // Only what the server saw proves the frame crossed the wire with that header.
  const events = [frame('send', 1, 1, '00', { binary: true, bytes: 300 }), frame('message', 1, 2, '00', { binary: true, bytes: 300 })];
  assert.match(sixteenBitLength(events).message, /server has not reported receiving it/);
});

test('received but not yet echoed by the server is not passed', () => {
  assert.match(sixteenBitLength([serverFrame(1, 2, 'in', 'binary', echo, 300, '00')]).message, /waiting for its echo/);
});

test('an echo on another socket does not count', () => {
  const events = [serverFrame(1, 2, 'in', 'binary', echo, 300, '00'), serverFrame(2, 3, 'out', 'binary', echo, 300, '00')];
  assert.equal(sixteenBitLength(events).passed, false);
});
