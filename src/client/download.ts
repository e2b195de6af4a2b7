import { el } from './dom.ts';

/** Hands the browser a file to save (recordings, poll results): made here, never fetched. */
export function downloadFile(name: string, parts: BlobPart[], type: string): void {
  const link = el('a', { href: URL.createObjectURL(new Blob(parts, { type })), download: name });
  link.click();
  // The download has started by then; the object URL would otherwise live as long as the page.
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
