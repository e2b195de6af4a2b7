import { type Check, notYet, pass } from './types.ts';
import { consoleLines, sampleKeyOf } from './events.ts';
import { sha1Base64 } from './sha1.ts';

/** The GUID every server appends to the key (RFC 6455 §1.3). */
export const websocketGuid = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** RFC 6455's one worked example (§1.3): the answer the learner can look up. */
export const rfcExample = { key: 'dGhlIHNhbXBsZSBub25jZQ==', accept: 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=' } as const;

export const acceptFor = (key: string) => sha1Base64(key + websocketGuid);

/**
 * Lesson 4: compute Sec-WebSocket-Accept = base64(SHA-1(key + GUID)). RFC 6455's example can be
 * copied from anywhere, so the check also asks for the accept of `sampleKey`, a key made fresh for
 * this run: only code that computes it logs the right value.
 */
export const acceptKey: Check = (events) => {
  const key = sampleKeyOf(events);
  if (key === undefined) return notYet('the run has not started yet.');
  const text = consoleLines(events).map((line) => line.text).join('\n');
  const fresh = acceptFor(key);
  const hasExample = text.includes(rfcExample.accept);
  const hasFresh = text.includes(fresh);
  if (hasExample && hasFresh) return pass(`your function gives the accept for RFC 6455's example and for this run's fresh key ${key}.`);
  if (!text.includes(key)) return notYet(`log sampleKey (this run's is ${key}) with the accept value your function computes for it.`);
  if (hasExample) return notYet(`RFC 6455's example is right, but the accept for this run's key ${key} is not: compute it, do not copy it.`);
  return notYet(`the accept for ${key} is not what a server computes: hash key + GUID with SHA-1, then base64 the 20 bytes.`);
};
