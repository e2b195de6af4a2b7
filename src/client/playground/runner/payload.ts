import { clip } from './format.ts';

/** The most of one payload kept for the expanded view: enough to read, bounded for memory. */
const maxPayloadChars = 64 * 1024;
const previewBytes = 32;

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

function asBytes(data: ArrayBuffer | ArrayBufferView): Uint8Array {
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Size, one-line preview and (bounded) full payload of a message, text or binary. */
export function describePayload(data: unknown): { binary: boolean; bytes: number; preview: string; payload: string } {
  if (typeof data === 'string') {
    return { binary: false, bytes: new TextEncoder().encode(data).byteLength, preview: clip(data), payload: data.slice(0, maxPayloadChars) };
  }
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    const bytes = asBytes(data);
    const head = hex(bytes.subarray(0, previewBytes));
    return {
      binary: true,
      bytes: bytes.byteLength,
      preview: bytes.byteLength > previewBytes ? `${head} …` : head,
      payload: hex(bytes.subarray(0, maxPayloadChars / 3)),
    };
  }
  if (data instanceof Blob) return { binary: true, bytes: data.size, preview: `<blob ${data.size} bytes>`, payload: '' };
  return { binary: false, bytes: 0, preview: String(data), payload: String(data) };
}
