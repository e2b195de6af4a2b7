// Duplex's service worker: lessons, their assets and the editor keep working when a workshop's
// Wi-Fi drops. Written to dist/sw.js at build end with BUILD (the build's id) prepended by
// src/integrations/service-worker.ts. Only the static site is ever cached: live endpoints
// (/ws/, /poll/, /sse/, /stats/, /healthz, /metrics) are not on the list below and go straight
// to the network, untouched.
/* global BUILD, EDITOR */
const cacheName = `duplex-${BUILD}`;

/** What may be cached: pages, hashed assets (Monaco's chunks and workers too), search. */
const cacheable = (url) =>
  url.origin === self.location.origin &&
  (url.pathname.startsWith('/_astro/') || url.pathname.startsWith('/pagefind/') || url.pathname === '/favicon.svg');

self.addEventListener('install', () => self.skipWaiting());

// A new build's worker drops every other build's cache, then serves the open pages at once.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== cacheName) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

// The first page loaded before this worker was in charge: it sends what it fetched, kept here.
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'cache-urls') return;
  const urls = event.data.urls.filter((href) => {
    const url = new URL(href, self.location.href);
    return cacheable(url) || (url.origin === self.location.origin && href === event.data.page);
  });
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      await Promise.all(urls.map((url) => cache.add(url).catch(() => undefined)));
      event.source?.postMessage({ type: 'cached', count: urls.length });
    })(),
  );
});

// The page asks once it is idle and the connection allows (src/service-worker/register.ts).
// Fetched here, off the page's main thread; files already kept cost nothing.
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'prefetch-editor') return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      for (const url of EDITOR) if (!(await cache.match(url))) await cache.add(url).catch(() => undefined);
      event.source?.postMessage({ type: 'editor-prefetched', count: EDITOR.length });
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (request.mode === 'navigate' && url.origin === self.location.origin) event.respondWith(networkFirst(request));
  else if (cacheable(url)) event.respondWith(cacheFirst(request));
});

/** Pages: always the newest when online (revalidated by ETag), the kept copy when not. */
async function networkFirst(request) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(request, { ignoreSearch: true });
    if (kept) return kept;
    throw error;
  }
}

/** Hashed files never change under their name: the kept copy is always right. */
async function cacheFirst(request) {
  const cache = await caches.open(cacheName);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}
