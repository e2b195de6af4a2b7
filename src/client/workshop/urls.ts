import { codePattern } from '../../../protocol/workshop.ts';

/** The address attendees open (and the QR code holds). */
export const joinUrl = (origin: string, code: string) => `${origin}/workshop/join/?code=${code}`;

/** The room code in this page's `?code=` (or `?room=`), upper-cased, or null when absent or malformed. */
export function roomCodeFromUrl(param = 'code'): string | null {
  const value = new URLSearchParams(location.search).get(param)?.trim().toUpperCase() ?? '';
  return codePattern.test(value) ? value : null;
}
