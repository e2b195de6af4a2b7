import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * Brotli and gzip twins (`x.js.br`, `x.js.gz`) of every compressible file of the build, written
 * once at build end so the server only picks a file by `Accept-Encoding` (sirv's `brotli`/`gzip`
 * options) and never compresses per request. Highest settings: the cost is paid once per build.
 */
const compressible = /\.(html|js|mjs|css|svg|json|txt|xml|map|ttf|webmanifest)$/;
/** Below this a twin saves less than its own headers cost. */
const minBytes = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

export interface PrecompressResult {
  files: number;
  rawBytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

/** Writes the twins beside each file; a twin that would not be smaller is not written. */
export async function precompressDir(dir: string): Promise<PrecompressResult> {
  const result: PrecompressResult = { files: 0, rawBytes: 0, brotliBytes: 0, gzipBytes: 0 };
  const jobs: Promise<void>[] = [];
  for await (const path of filesUnder(dir)) {
    if (!compressible.test(path)) continue;
    jobs.push(
      (async () => {
        const raw = await readFile(path);
        if (raw.byteLength < minBytes) return;
        const [br, gz] = await Promise.all([
          brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.byteLength } }),
          gzipAsync(raw, { level: 9 }),
        ]);
        result.files++;
        result.rawBytes += raw.byteLength;
        if (br.byteLength < raw.byteLength) await writeFile(`${path}.br`, br);
        if (gz.byteLength < raw.byteLength) await writeFile(`${path}.gz`, gz);
        result.brotliBytes += Math.min(br.byteLength, raw.byteLength);
        result.gzipBytes += Math.min(gz.byteLength, raw.byteLength);
      })(),
    );
  }
  await Promise.all(jobs);
  return result;
}

/** Last in the integration list, so Pagefind's files (written at build end too) get twins. */
export function precompress(): AstroIntegration {
  return {
    name: 'duplex:precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const r = await precompressDir(fileURLToPath(dir));
        const mb = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MB`;
        logger.info(
          `${r.files} files: ${mb(r.rawBytes)} raw, ${mb(r.brotliBytes)} brotli, ${mb(r.gzipBytes)} gzip (${((performance.now() - started) / 1000).toFixed(1)} s)`,
        );
      },
    },
  };
}
