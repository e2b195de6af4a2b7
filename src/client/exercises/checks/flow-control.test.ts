import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flowControl, flowControlCheck } from './flow-control.ts';
import { frame, logLine } from './fixtures.ts';

const { chunks, chunkBytes } = flowControl;
const chunk = (event: 'send' | 'message', at: number) => frame(event, 1, at, '00 …', { binary: true, bytes: chunkBytes });

function upload(bufferedBefore: (i: number) => number) {
  const events = [];
  for (let i = 0; i < chunks; i++) events.push(logLine(i * 2, `chunk ${i + 1}, bufferedAmount ${bufferedBefore(i)}`), chunk('send', i * 2 + 1));
  for (let i = 0; i < chunks; i++) events.push(chunk('message', 100 + i));
  return events;
}

test('an upload that waits for the buffer to drain passes', () => {
  assert.equal(flowControlCheck(upload((i) => (i % 4) * chunkBytes)).passed, true);
});

test('pushing every chunk at once (the buffer grows to 496 KiB) does not pass', () => {
  assert.match(flowControlCheck(upload((i) => i * chunkBytes)).message, /sent while 81920 bytes were still waiting/);
});

test('sending without logging bufferedAmount is asked to log it', () => {
  const events = [...Array.from({ length: chunks }, (_, i) => chunk('send', i))];
  assert.match(flowControlCheck(events).message, /log "bufferedAmount <n>" before each send \(0 of 32 logged\)/);
});

test('chunks of the wrong size do not count', () => {
  assert.match(flowControlCheck([frame('send', 1, 1, 'x', { binary: true, bytes: 100 })]).message, /0 of 32 chunks/);
});
