import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flowControl, flowControlCheck } from './flow-control.ts';
import { frame, logLine } from './fixtures.ts';
import type { RunEvent } from '../../playground/runner/run-protocol.ts';

const { chunks, chunkBytes, highWaterMark } = flowControl;
const chunk = (at: number, bufferedAmount: number, readyState = 1) => frame('send', 1, at, '<16384 bytes>', { binary: true, bytes: chunkBytes, bufferedAmount, readyState });
const echoes = (from: number): RunEvent[] => Array.from({ length: chunks }, (_, i) => frame('message', 1, from + i, '<16384 bytes>', { binary: true, bytes: chunkBytes }));

test('the solution passes: every chunk sent with at most 64 KiB waiting, all echoed', () => {
  const events = [...Array.from({ length: chunks }, (_, i) => chunk(i * 5, (i % 4) * chunkBytes)), ...echoes(500)];
  assert.equal(flowControlCheck(events).passed, true);
});

test('the starter fails: all chunks at once, the buffer climbs far over the mark', () => {
  const events = [...Array.from({ length: chunks }, (_, i) => chunk(i, i * chunkBytes)), ...echoes(500)];
  assert.match(flowControlCheck(events).message, /still waiting in the buffer/);
});

test('cheat: logging "bufferedAmount 0" while sending everything at once fails: the runner reads the real value', () => {
  const events = Array.from({ length: chunks }, (_, i) => [logLine(i, `chunk ${i + 1}, bufferedAmount 0`), chunk(i, i * chunkBytes)]).flat();
  assert.match(flowControlCheck([...events, ...echoes(500)]).message, new RegExp(`wait until bufferedAmount is at most ${highWaterMark}`));
});

test('cheat: queueing every chunk before the socket opens (bufferedAmount 0 then) fails', () => {
  const events = [...Array.from({ length: chunks }, (_, i) => chunk(i, 0, 0)), ...echoes(500)];
  assert.match(flowControlCheck(events).message, /before the socket was open/);
});

test('cheat: small chunks, or chunks never echoed, do not count', () => {
  const small = Array.from({ length: chunks }, (_, i) => frame('send', 1, i, '<10 bytes>', { binary: true, bytes: 10, bufferedAmount: 0 }));
  assert.match(flowControlCheck(small).message, /0 of 32 chunks/);
  const unanswered = Array.from({ length: chunks }, (_, i) => chunk(i * 5, 0));
  assert.match(flowControlCheck(unanswered).message, /0 of 32 chunks echoed/);
});
