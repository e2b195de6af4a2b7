import { CloseCode, ReportedCloseCode } from '../../../../protocol/close-codes.ts';
import { defaultLimits } from '../../../../protocol/limits.ts';

const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;

/** What each close code means, in the learner's words (RFC 6455 §7.4.1 and this server's use of them). */
const meanings: Record<number, string> = {
  [CloseCode.normal]: 'normal close',
  [CloseCode.goingAway]: 'the server is going away (restart or shutdown)',
  [CloseCode.invalidPayload]: 'a text message was not valid UTF-8',
  [CloseCode.policyViolation]: 'policy violation',
  [CloseCode.messageTooBig]: `message too big: the server accepts at most ${kib(defaultLimits.maxPayload)}`,
  [CloseCode.internalError]: 'the server hit an unexpected error',
  [ReportedCloseCode.noStatus]: 'the close frame carried no code',
  [ReportedCloseCode.abnormal]: 'the connection ended without a close frame',
};

/**
 * "1009 message too big: the server accepts at most 64 KiB", "1008 policy violation: rate limit:
 * more than 100 messages per second". The server's reason, when it gave one, follows the meaning.
 */
export function describeClose(code: number, reason: string): string {
  const meaning = meanings[code] ?? (code >= 4000 && code <= 4999 ? 'an application-defined code' : '');
  const parts = [meaning, reason === meaning ? '' : reason].filter((part) => part !== '');
  return parts.length > 0 ? `${code} ${parts.join(': ')}` : String(code);
}
