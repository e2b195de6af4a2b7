import * as z from 'zod/mini';
import type { Language } from './runner/run-protocol.ts';

/**
 * Shared code lives in the URL fragment (never sent to any server, no storage needed):
 * `#code=<base64url of deflate-raw UTF-8>&lang=ts`. Links arrive from anywhere, so the
 * fragment is validated and decompression is bounded before anything reaches the editor.
 */
const maxEncodedChars = 40_000;
export const maxSharedCodeBytes = 100_000;

const SharedCode = z.object({
  code: z.string().check(
    z.minLength(1, 'the link has an empty "code"'),
    z.maxLength(maxEncodedChars, `the code in the link is longer than ${maxEncodedChars} characters`),
    z.regex(/^[A-Za-z0-9_-]+$/, 'the code in the link is not base64url (was it cut or edited?)'),
  ),
  lang: z.optional(z.enum(['js', 'ts'], 'lang must be "js" or "ts"')),
});

const ExampleLink = z.object({
  example: z.string().check(z.regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'example must look like "lesson-slug/example-name"')),
});

export type SharedLink =
  | { kind: 'code'; code: string; language: Language }
  | { kind: 'example'; id: string }
  | { kind: 'none' }
  | { kind: 'invalid'; message: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.byteLength;
    if (size > limit) throw new Error(`the shared code is larger than ${limit / 1000} KB`);
    chunks.push(chunk);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}

/** The fragment (without "#") that restores this code. */
export async function encodeShare(code: string, language: Language): Promise<string> {
  const compressed = new Blob([code]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const params = new URLSearchParams({ code: toBase64Url(await readAll(compressed, Number.POSITIVE_INFINITY)) });
  if (language === 'typescript') params.set('lang', 'ts');
  return params.toString();
}

/** Reads a fragment ("#…" or without "#") into code, an example id, nothing, or a message saying what is wrong. */
export async function decodeShare(fragment: string): Promise<SharedLink> {
  const params = Object.fromEntries(new URLSearchParams(fragment.replace(/^#/, '')));
  if (Object.keys(params).length === 0) return { kind: 'none' };
  if ('example' in params) {
    const parsed = ExampleLink.safeParse(params);
    return parsed.success ? { kind: 'example', id: parsed.data.example } : { kind: 'invalid', message: parsed.error.issues[0]?.message ?? 'bad example link' };
  }
  const parsed = SharedCode.safeParse(params);
  if (!parsed.success) return { kind: 'invalid', message: parsed.error.issues[0]?.message ?? 'bad link' };
  try {
    const inflated = new Blob([fromBase64Url(parsed.data.code)]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    const code = new TextDecoder('utf-8', { fatal: true }).decode(await readAll(inflated, maxSharedCodeBytes));
    return { kind: 'code', code, language: parsed.data.lang === 'ts' ? 'typescript' : 'javascript' };
  } catch (error) {
    const reason = error instanceof Error && /larger than/.test(error.message) ? error.message : 'the code in the link is damaged (was it cut short?)';
    return { kind: 'invalid', message: reason };
  }
}
