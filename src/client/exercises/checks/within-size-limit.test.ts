import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentChars, serverMaxPayload, withinSizeLimit } from './within-size-limit.ts';
import { closed, frame, logLine } from './fixtures.ts';

const chunk = (at: number, bytes: number) => frame('send', 1, at, 'xxxx…', { bytes });

test('four 50,000-byte chunks and the reassembly logged: passed', () => {
  const events = [chunk(1, 50_000), chunk(2, 50_000), chunk(3, 50_000), chunk(4, 50_000), logLine(9, `reassembled ${documentChars} characters`)];
  assert.equal(withinSizeLimit(events).passed, true);
});

test('one message with the whole document is closed by the server with 1009', () => {
  const events = [chunk(1, documentChars), closed(1, 2, 1009, 'message too big')];
  assert.match(withinSizeLimit(events).message, /closed the socket with 1009/);
});

test('a chunk one byte over the limit is named even before the server reacts', () => {
  assert.match(withinSizeLimit([chunk(1, serverMaxPayload + 1)]).message, /65537-byte message is over/);
});

test('everything sent but nothing reassembled yet asks for the log line', () => {
  const events = [chunk(1, 100_000 - 40_000), chunk(2, 60_000), chunk(3, 60_000), chunk(4, 20_000)];
  assert.match(withinSizeLimit(events).message, /log "reassembled 200000"/);
});
