import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentChars, withinSizeLimit } from './within-size-limit.ts';
import { closed, frame, logLine } from './fixtures.ts';
import type { RunEvent } from '../../playground/runner/run-protocol.ts';

const chunks = ['a', 'b', 'c', 'd'].map((letter) => letter.repeat(documentChars / 4));
const send = (text: string, at: number) => frame('send', 1, at, text.slice(0, 10), { bytes: text.length, payload: text });
const echo = (text: string, at: number) => frame('message', 1, at, text.slice(0, 10), { bytes: text.length, payload: text });
const upload: RunEvent[] = chunks.map((text, i) => send(text, i));

test('the solution passes: four chunks under the limit, echoed whole, logged after the last echo', () => {
  const events = [...upload, ...chunks.map((text, i) => echo(text, 10 + i)), logLine(14, `reassembled ${documentChars}`)];
  assert.equal(withinSizeLimit(events).passed, true);
});

test('the starter fails: one 200,000-byte message, closed with 1009', () => {
  const events = [send('x'.repeat(documentChars), 0), closed(1, 5, 1009, 'Max payload size exceeded')];
  assert.match(withinSizeLimit(events).message, /1009/);
});

test('cheat: logging "reassembled 200000" with nothing echoed fails', () => {
  assert.match(withinSizeLimit([...upload, logLine(5, `reassembled ${documentChars}`)]).message, /0 of 200000 bytes echoed/);
});

test('cheat: logging "reassembled 200000" before the echoes came back fails, even once they have', () => {
  const events = [...upload, logLine(5, `reassembled ${documentChars}`), ...chunks.map((text, i) => echo(text, 10 + i))];
  assert.match(withinSizeLimit(events).message, /log "reassembled/);
});

test('cheat: echoes of other bytes (a different document) fail', () => {
  const events = [...upload, ...chunks.map((_, i) => echo('z'.repeat(documentChars / 4), 10 + i)), logLine(14, `reassembled ${documentChars}`)];
  assert.match(withinSizeLimit(events).message, /not the document/);
});

test('cheat: only the log line, with nothing sent, fails', () => {
  assert.match(withinSizeLimit([logLine(1, `reassembled ${documentChars}`)]).message, /0 of 200000 bytes sent/);
});
