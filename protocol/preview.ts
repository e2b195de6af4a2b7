/**
 * The one-line preview of a frame's payload. The server (in InspectEvent frames) and the browser
 * (in the run worker's send and message events) cut it the same way, so the page can join both
 * reports of one frame and the learner reads the same text in both views: at most
 * `previewChars` characters of text, or the first `previewBytes` bytes as hex; "…" marks a cut.
 */
export const previewChars = 120;
export const previewBytes = 32;

/** Bytes as lowercase hex pairs separated by spaces, e.g. "01 02 ff". */
export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

export function textPreview(text: string): string {
  return text.length > previewChars ? `${text.slice(0, previewChars)}…` : text;
}

export function hexPreview(bytes: Uint8Array): string {
  const head = hex(bytes.subarray(0, previewBytes));
  return bytes.byteLength > previewBytes ? `${head} …` : head;
}
