import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompressDir } from './precompress.ts';

test('every compressible file gets brotli and gzip twins that decode to the original', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'precompress-'));
  mkdirSync(join(dir, '_astro'));
  const html = '<!doctype html><p>full duplex</p>\n'.repeat(200);
  const js = 'export const frames = [];\n'.repeat(300);
  writeFileSync(join(dir, 'index.html'), html);
  writeFileSync(join(dir, '_astro', 'app.js'), js);
  const result = await precompressDir(dir);
  assert.equal(result.files, 2);
  assert.equal(brotliDecompressSync(readFileSync(join(dir, 'index.html.br'))).toString(), html);
  assert.equal(gunzipSync(readFileSync(join(dir, '_astro', 'app.js.gz'))).toString(), js);
  assert.ok(result.brotliBytes < result.rawBytes / 10, 'repetitive text compresses well');
});

test('tiny, already compressed and incompressible files get no twin', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'precompress-'));
  writeFileSync(join(dir, 'small.css'), 'p{margin:0}');
  writeFileSync(join(dir, 'photo.png'), Buffer.alloc(4096, 7));
  // Random bytes do not shrink: writing a bigger "twin" would only cost the client.
  writeFileSync(join(dir, 'noise.json'), Buffer.from(Array.from({ length: 4096 }, () => Math.floor(Math.random() * 256))));
  await precompressDir(dir);
  for (const name of ['small.css', 'photo.png', 'noise.json']) {
    assert.equal(existsSync(join(dir, `${name}.br`)), false, `${name}.br`);
    assert.equal(existsSync(join(dir, `${name}.gz`)), false, `${name}.gz`);
  }
});

test('a second run over the same folder does not compress the twins themselves', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'precompress-'));
  writeFileSync(join(dir, 'index.html'), '<p>again</p>\n'.repeat(500));
  await precompressDir(dir);
  await precompressDir(dir);
  assert.equal(existsSync(join(dir, 'index.html.br.br')), false);
  assert.equal(existsSync(join(dir, 'index.html.gz.gz')), false);
});
