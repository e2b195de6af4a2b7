import { hex, hexPreview, textPreview } from '../../../../protocol/preview.ts';

/** The most of one payload kept for the expanded view: enough to read, bounded for memory. */
const maxPayloadChars = 64 * 1024;

function asBytes(data: ArrayBuffer | ArrayBufferView): Uint8Array {
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Size, one-line preview and (bounded) full payload of a message, text or binary. The preview is
 * cut as the server cuts its own (protocol/preview.ts), so both views of a frame read the same.
 */
export function describePayload(data: unknown): { binary: boolean; payloadBytes: number; preview: string; payload: string } {
  if (typeof data === 'string') {
    return { binary: false, payloadBytes: new TextEncoder().encode(data).byteLength, preview: textPreview(data), payload: data.slice(0, maxPayloadChars) };
  }
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    const bytes = asBytes(data);
    return { binary: true, payloadBytes: bytes.byteLength, preview: hexPreview(bytes), payload: hex(bytes.subarray(0, maxPayloadChars / 3)) };
  }
  if (data instanceof Blob) return { binary: true, payloadBytes: data.size, preview: `<blob ${data.size} bytes>`, payload: '' };
  return { binary: false, payloadBytes: 0, preview: String(data), payload: String(data) };
}
