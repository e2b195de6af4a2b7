/**
 * Text people type that others will read: names in the host's list, posts on the wall.
 * Invisible characters (zero-width spaces, direction marks, fillers) are allowed by Unicode
 * but would let a name show as an empty row, so they are removed and a text with nothing
 * visible left is refused. Shared by the server (which decides) and the page (which checks
 * before sending, with the same rule).
 */

/**
 * Format characters (U+200B zero-width space, U+2060 word joiner, U+FEFF, U+200E/F direction
 * marks, soft hyphen…) except U+200D, which joins emoji such as 👩‍💻 and is harmless alone.
 */
const invisibleFormat = /(?!\u200D)\p{Cf}/gu;
/** Letters Unicode files as letters or symbols that render as blank space. */
const blankLookalikes = /[\u115F\u1160\u3164\uFFA0\u2800]/gu;
const visible = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** A name as shown to others: NFC, no invisible characters, single spaces, trimmed. */
export function normaliseName(text: string): string {
  return text.normalize('NFC').replace(invisibleFormat, '').replace(/\s+/gu, ' ').trim();
}

/** A post as shown on the wall: NFC, no invisible format characters, trimmed (inner spacing kept). */
export function normalisePost(text: string): string {
  return text.normalize('NFC').replace(invisibleFormat, '').trim();
}

/** True if a person would see something: at least one letter, digit, punctuation or symbol. */
export function hasVisibleText(text: string): boolean {
  return visible.test(text.replace(blankLookalikes, ''));
}

/** Length as a person counts it: code points, so an emoji is one character, not two. */
export const characterCount = (text: string): number => [...text].length;
