import { type Check, notYet, pass } from './types.ts';
import { consoleLines } from './events.ts';

/**
 * Lesson 4: compute Sec-WebSocket-Accept = base64(SHA-1(key + GUID)). The two keys are the ones
 * in RFC 6455's examples (§1.2 and §1.3); the answers are checked against node:crypto in the test.
 */
export const acceptExamples: ReadonlyArray<{ key: string; accept: string }> = [
  { key: 'dGhlIHNhbXBsZSBub25jZQ==', accept: 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=' },
  { key: 'x3JJHMbDL1EzLkh9GBhXDw==', accept: 'HSmrc0sMlYUkAGmm5OPpG2HaGWk=' },
];

export const acceptKey: Check = (events) => {
  const text = consoleLines(events).map((line) => line.text).join('\n');
  const missing = acceptExamples.filter(({ accept }) => !text.includes(accept));
  if (missing.length === 0) return pass('both accept values match what a server computes.');
  const tried = acceptExamples.filter(({ key }) => text.includes(key)).length;
  if (tried === 0) return notYet('log each sample key with the accept value your function computes for it.');
  return notYet(`${missing.length} of ${acceptExamples.length} accept values are not right yet (the first is for ${missing[0]!.key}).`);
};
