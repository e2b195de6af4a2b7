import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deferModuleScripts } from './islands-after-paint.ts';

const page = (head: string, body: string) => `<html><head>${head}</head><body>${body}</body></html>`;

test('the module scripts of a page leave the head and body for one loader that imports them after the first paint, in order', () => {
  const html = page('<script type="module" src="/_astro/page.A1.js"></script>', '<main><p>Text</p><script type="module" src="/_astro/Race.B2.js"></script></main>');
  const out = deferModuleScripts(html);
  assert.equal(
    out,
    page('', '<main><p>Text</p></main><script type="module">requestAnimationFrame(()=>setTimeout(()=>{for(const src of ["/_astro/page.A1.js","/_astro/Race.B2.js"])import(src)}))</script>'),
  );
});

test('inline scripts, classic scripts and scripts from elsewhere stay where they are', () => {
  const html = page('<script>theme()</script><script type="module">var e=1</script>', '<script src="/_astro/x.js"></script><script type="module" src="https://example.com/a.js"></script>');
  assert.equal(deferModuleScripts(html), html);
});

test('a page without </body> is refused with a message, not left half rewritten', () => {
  assert.throws(() => deferModuleScripts('<script type="module" src="/_astro/a.js"></script><p>'), /no <\/body>/);
});
