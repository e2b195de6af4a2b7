import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LiveSocket } from '../live-socket.ts';
import { deliver, endCatchUp, type CatchingUp } from './catch-up.ts';

/** What a peer's socket was given, in order: the frames as text. */
function peer(): CatchingUp & { got: string[] } {
  const got: string[] = [];
  const ws = {
    send: (frame: string) => got.push(frame),
    corkWrites: () => false,
    uncorkWrites: () => undefined,
    sendFrame: (_frame: Buffer, payload: Buffer) => got.push(payload.toString()),
  } as unknown as LiveSocket;
  return { ws, pending: [], replayedUpTo: 0, got };
}

test('a line the replay gave is not sent again when the store delivers it live afterwards', () => {
  const resuming = peer();
  const other = { ...peer(), pending: null };
  // Redis answers the replay's read with lines 2–5 before its pub/sub brings line 5 here.
  deliver([resuming, other], 'line 4', 4);
  resuming.got.push('line 2', 'line 3', 'line 4', 'line 5');
  endCatchUp(resuming, 5);
  deliver([resuming, other], 'line 5', 5);
  deliver([resuming, other], 'line 6', 6);
  deliver([resuming, other], 'join', null);
  assert.deepEqual(resuming.got, ['line 2', 'line 3', 'line 4', 'line 5', 'line 6', 'join']);
  assert.deepEqual(other.got, ['line 4', 'line 5', 'line 6', 'join']);
});

test('what arrived while catching up is sent after the replay, without what the replay had', () => {
  const resuming = peer();
  deliver([resuming], 'line 3', 3);
  deliver([resuming], 'rename', null);
  deliver([resuming], 'line 4', 4);
  assert.deepEqual(resuming.got, [], 'nothing before the replay');
  endCatchUp(resuming, 3);
  assert.deepEqual(resuming.got, ['rename', 'line 4']);
});
