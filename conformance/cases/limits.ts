import { filler, frame, reply, type CaseMeta, type ConformanceCase } from '../case-kit.ts';
import type { FrameSpec } from '../frame.ts';
import { judgeEchoOrLimit, type Expected } from '../verdicts.ts';

/**
 * In the spirit of Autobahn section 9 (limits and performance), kept small enough for a
 * laptop: messages far above common limits and many messages in a row. A server may echo
 * them (pass) or refuse at a limit it documents, 1009 too big or 1008 policy (non-strict);
 * anything else fails.
 */
const big = 4 * 1024 * 1024;
const pieces = 256;
const burst = Array.from({ length: 200 }, (_, i) => `message ${i + 1}`);

/** Payloads are built on first use: megabytes a filtered run or a browser page need not hold. */
function limitCase(meta: CaseMeta, build: () => { frames: FrameSpec[]; expected: Expected[] }): ConformanceCase {
  let built: ReturnType<typeof build> | null = null;
  const get = () => (built ??= build());
  return {
    ...meta,
    timeoutMs: 10_000,
    async run(session) {
      const { frames, expected } = get();
      await session.send(frames);
      await session.waitForReplies(expected.length);
      await session.closeNormally();
    },
    judge: (observation) => judgeEchoOrLimit(get().expected)(observation),
  };
}

export const limitCases: ConformanceCase[] = [
  limitCase(
    { id: '9.1.1', title: `Text message of ${big / 1024 / 1024} MiB in one frame`, rfc: '§5.2', requirement: 'Echo it, or close with 1009 if it is over the server’s limit' },
    () => ({ frames: [frame.text(filler(big))], expected: [reply.text(filler(big))] }),
  ),
  limitCase(
    { id: '9.1.2', title: `Binary message of ${big / 1024 / 1024} MiB in ${pieces} fragments`, rfc: '§5.4', requirement: 'Echo it whole, or close with 1009 if it is over the server’s limit' },
    () => {
      const piece = filler(big / pieces);
      const whole = new Uint8Array(big);
      for (let i = 0; i < pieces; i++) whole.set(piece, i * piece.length);
      const frames = Array.from({ length: pieces }, (_, i) => (i === 0 ? frame.binary(piece, { fin: false }) : frame.continuation(piece, i === pieces - 1)));
      return { frames, expected: [reply.binary(whole)] };
    },
  ),
  limitCase(
    { id: '9.2.1', title: `${burst.length} text messages back to back`, rfc: '§5.6', requirement: 'Echo every message in order, or close with 1008 at a documented rate limit' },
    () => ({ frames: burst.map((text) => frame.text(text)), expected: burst.map((text) => reply.text(text)) }),
  ),
];
