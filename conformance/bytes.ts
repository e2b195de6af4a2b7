/**
 * Byte helpers for the shared part of the suite. Only `Uint8Array` and web APIs
 * (`TextEncoder`, `TextDecoder`), never `Buffer`: the same modules run in a browser or worker.
 */

const encoder = new TextEncoder();
/** `fatal`: a wrong byte throws instead of becoming U+FFFD, which is how we spot invalid UTF-8. */
const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8');

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

export function bytes(...values: number[]): Uint8Array {
  return Uint8Array.from(values);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The text, or null when the bytes are not valid UTF-8 (RFC 3629, as §8.1 requires). */
export function decodeUtf8(data: Uint8Array): string | null {
  try {
    return strictDecoder.decode(data);
  } catch {
    return null;
  }
}

export function hex(data: Uint8Array, limit = data.length): string {
  const shown = Array.from(data.subarray(0, limit), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return data.length > limit ? `${shown} … (${data.length} bytes)` : shown;
}

/** A short, human-readable view of a payload for reports: text when it decodes, hex otherwise. */
export function preview(data: Uint8Array, asText: boolean): string {
  if (asText) {
    const text = lenientDecoder.decode(data.subarray(0, 120));
    return data.length > 120 ? `${JSON.stringify(text)} … (${data.length} bytes)` : JSON.stringify(text);
  }
  return data.length === 0 ? '(empty)' : hex(data, 32);
}

export function randomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** `data` cut into pieces of `size` bytes (the last may be shorter), for chopped writes. */
export function chunks(data: Uint8Array, size: number): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let i = 0; i < data.length; i += size) pieces.push(data.subarray(i, i + size));
  return pieces;
}
