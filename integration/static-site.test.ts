import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import fs, { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, type PathLike, type StatSyncOptions } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompressDir } from '../src/integrations/precompress.ts';
import { cacheControlFor } from '../playground-server/static-site.ts';
import { startTestServer } from '../playground-server/test-support.ts';

/** A raw GET (fetch would decode the body and hide Content-Encoding). */
function get(url: string, headers: Record<string, string> = {}, agent?: Agent) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    request(url, { headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

async function builtSite() {
  const dir = mkdtempSync(join(tmpdir(), 'duplex-site-'));
  mkdirSync(join(dir, '_astro'));
  mkdirSync(join(dir, 'lessons', 'frames'), { recursive: true });
  const page = '<!doctype html><h1>Frames</h1>\n'.repeat(100);
  const script = 'console.log("duplex");\n'.repeat(200);
  writeFileSync(join(dir, 'index.html'), '<h1>course</h1>');
  writeFileSync(join(dir, 'lessons', 'frames', 'index.html'), page);
  writeFileSync(join(dir, '_astro', 'app.Ab12Cd.js'), script);
  await precompressDir(dir);
  return { dir, page, script };
}

test('hashed assets are cached for a year without revalidation; everything else revalidates', () => {
  assert.equal(cacheControlFor('/_astro/editor.api.D3FA-iVb.js'), 'public, max-age=31536000, immutable');
  assert.equal(cacheControlFor('/lessons/frames/'), 'no-cache');
  assert.equal(cacheControlFor('/pagefind/pagefind-ui.js'), 'no-cache');
  assert.equal(cacheControlFor('/sw.js'), 'no-cache');
});

test('the brotli twin goes to a browser that accepts br, gzip to one that only takes gzip, raw to the rest', async (t) => {
  const site = await builtSite();
  const server = await startTestServer({ siteDir: site.dir });
  t.after(() => server.close());
  const url = `${server.url}/_astro/app.Ab12Cd.js`;
  const br = await get(url, { 'accept-encoding': 'gzip, deflate, br, zstd' });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers['vary'], 'Accept-Encoding');
  assert.match(String(br.headers['content-type']), /javascript/);
  assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(brotliDecompressSync(br.body).toString(), site.script);
  const gz = await get(url, { 'accept-encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(gz.body).toString(), site.script);
  const raw = await get(url);
  assert.equal(raw.headers['content-encoding'], undefined);
  assert.equal(raw.body.toString(), site.script);
  assert.ok(br.body.byteLength < raw.body.byteLength / 10);
});

test('a lesson page is compressed, must be revalidated, and an unchanged one costs a 304', async (t) => {
  const site = await builtSite();
  const server = await startTestServer({ siteDir: site.dir });
  t.after(() => server.close());
  const first = await get(`${server.url}/lessons/frames/`, { 'accept-encoding': 'br' });
  assert.equal(first.status, 200);
  assert.equal(first.headers['content-encoding'], 'br');
  assert.equal(first.headers['cache-control'], 'no-cache');
  assert.match(String(first.headers['content-type']), /text\/html/);
  assert.equal(brotliDecompressSync(first.body).toString(), site.page);
  const etag = String(first.headers['etag']);
  assert.match(etag, /^W\/"/);
  const again = await get(`${server.url}/lessons/frames/`, { 'accept-encoding': 'br', 'if-none-match': etag });
  assert.equal(again.status, 304);
  assert.equal(again.body.byteLength, 0);
});

test('a page too small to have a twin is served raw whatever the browser accepts', async (t) => {
  const site = await builtSite();
  const server = await startTestServer({ siteDir: site.dir });
  t.after(() => server.close());
  const small = await get(`${server.url}/`, { 'accept-encoding': 'br, gzip' });
  assert.equal(small.headers['content-encoding'], undefined);
  assert.equal(small.body.toString(), '<h1>course</h1>');
});

test('a rebuild under the running server is served at once, with its new length', async (t) => {
  const site = await builtSite();
  const server = await startTestServer({ siteDir: site.dir });
  t.after(() => server.close());
  assert.equal((await get(`${server.url}/`)).body.toString(), '<h1>course</h1>');
  writeFileSync(join(site.dir, 'index.html'), '<h1>course, rebuilt with more lessons</h1>');
  writeFileSync(join(site.dir, '_astro', 'app.Ef34Gh.js'), 'console.log("new build");');
  const page = await get(`${server.url}/`);
  assert.equal(page.body.toString(), '<h1>course, rebuilt with more lessons</h1>');
  assert.equal(page.headers['content-length'], String(page.body.byteLength));
  assert.equal((await get(`${server.url}/_astro/app.Ef34Gh.js`)).status, 200);
});

test('a file a rebuild deletes between lookup and read ends that one response; the server keeps serving', async (t) => {
  const site = await builtSite();
  const server = await startTestServer({ siteDir: site.dir });
  t.after(() => server.close());
  const doomed = join(site.dir, '_astro', 'app.Ab12Cd.js');
  // The rebuild's timing, made certain: the file goes the moment the server has looked it up.
  // (sirv imports fs as a module namespace: syncBuiltinESMExports carries the mock into it.)
  const statSync = fs.statSync;
  const lookup = t.mock.method(fs, 'statSync', ((path: PathLike, options?: StatSyncOptions) => {
    const stats = statSync(path, options);
    if (String(path) === doomed) rmSync(doomed);
    return stats;
  }) as typeof fs.statSync);
  syncBuiltinESMExports();
  t.after(() => {
    lookup.mock.restore();
    syncBuiltinESMExports();
  });
  await assert.rejects(get(`${server.url}/_astro/app.Ab12Cd.js`));
  const page = await get(`${server.url}/lessons/frames/`);
  assert.equal(page.status, 200);
  assert.equal(page.body.toString(), site.page);
});

test('a file that grows while it streams (a rebuild writing in place) is cut at the length announced; the connection stays sound', async (t) => {
  const site = await builtSite();
  const server = await startTestServer({ siteDir: site.dir });
  t.after(() => server.close());
  const page = join(site.dir, 'index.html');
  // The rebuild's timing, made certain: the file grows once the server has read its first bytes.
  const read = fs.read;
  let grown = false;
  const grow = t.mock.method(fs, 'read', ((...args: Parameters<typeof fs.read>) => {
    const callback = args.at(-1) as (error: Error | null, bytes: number, buffer: Buffer) => void;
    (read as (...a: unknown[]) => void)(...args.slice(0, -1), (error: Error | null, bytes: number, buffer: Buffer) => {
      if (!grown && bytes > 0) {
        grown = true;
        appendFileSync(page, ' and the lines the rebuild wrote after them');
      }
      callback(error, bytes, buffer);
    });
  }) as typeof fs.read);
  t.after(() => grow.mock.restore());
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  t.after(() => agent.destroy());
  const first = await get(`${server.url}/`, {}, agent);
  assert.equal(first.body.toString(), '<h1>course</h1>');
  // The next answer on the same connection is its own, not the tail of the first.
  const second = await get(`${server.url}/lessons/frames/`, {}, agent);
  assert.equal(second.status, 200);
  assert.equal(second.body.toString(), site.page);
  agent.destroy();
});
