import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readRecording } from '../../../protocol/recording.ts';
import { sampleRecording } from '../../../test-support/recording.ts';
import { fitShare, shareBytes } from './share-fit.ts';

test('a run that fits is shared whole', () => {
  const run = sampleRecording('log(1)', 10, 'x'.repeat(100));
  assert.deepEqual(fitShare(run, 64 * 1024), { ok: true, recording: run, note: null });
});

test('over the bound, the payloads go first and every frame keeps its preview, sizes and times', () => {
  const run = sampleRecording('log(1)', 20, 'x'.repeat(1000));
  const fitted = fitShare(run, 8000);
  assert.ok(fitted.ok);
  assert.equal(fitted.recording.frames.length, 20);
  assert.ok(fitted.recording.frames.every((frame) => frame.payload === undefined));
  assert.deepEqual(
    fitted.recording.frames.map(({ direction, wireBytes, clientAt }) => [direction, wireBytes, clientAt]),
    run.frames.map(({ direction, wireBytes, clientAt }) => [direction, wireBytes, clientAt]),
  );
  assert.match(fitted.note ?? '', /previews only/);
  assert.ok(shareBytes(fitted.recording) <= 8000);
});

test('still over, the oldest frames go, counted as cleared, and the result is a valid recording at the bound', () => {
  const run = sampleRecording('log(1)', 400);
  const fitted = fitShare(run, 6000);
  assert.ok(fitted.ok);
  const kept = fitted.recording.frames.length;
  assert.ok(kept > 0 && kept < 400);
  assert.deepEqual(fitted.recording.frames, run.frames.slice(400 - kept), 'the newest frames, in order');
  assert.equal(fitted.recording.clearedOlderFrames, 400 - kept);
  assert.ok(shareBytes(fitted.recording) <= 6000);
  assert.ok(shareBytes({ ...fitted.recording, frames: run.frames.slice(400 - kept - 1) }) > 6000, 'no further frame would have fitted');
  assert.equal(readRecording(fitted.recording).ok, true);
  assert.equal(fitted.note, `Sent the newest ${kept} of 400 frames, as previews: the whole run was too big to share.`);
});

test('a run whose code alone is over the bound is refused with a reason', () => {
  const fitted = fitShare(sampleRecording('x'.repeat(5000)), 2000);
  assert.deepEqual(fitted, { ok: false, message: "This run is too big to share: its code and output alone are over the room's 2000 bytes." });
});
