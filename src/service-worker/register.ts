import { mayPrefetchEditor, type ConnectionHints } from './prefetch-policy.ts';

/**
 * Every page of the production build: registers the offline service worker once the page has
 * loaded (after first paint), hands it what the page fetched before that worker was in charge,
 * and on a page with a playground asks it to fetch the editor ahead when the browser is idle and
 * the connection allows (Monaco then opens from the cache, online or not).
 */
if ('serviceWorker' in navigator) {
  const prefetchEditor = (worker: ServiceWorker) => {
    const connection = (navigator as Navigator & { connection?: ConnectionHints }).connection;
    if (!document.querySelector('duplex-playground') || !mayPrefetchEditor(connection)) return;
    const whenIdle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1000));
    whenIdle(() => worker.postMessage({ type: 'prefetch-editor' }), { timeout: 10_000 });
  };
  const handedOver = new WeakSet<ServiceWorker>();
  /**
   * A worker that did not see this page load keeps nothing of it: the first visit's worker, and
   * a new build's worker, which starts with an empty cache of its own (it drops the old build's).
   */
  const handOver = (worker: ServiceWorker) => {
    if (handedOver.has(worker)) return;
    handedOver.add(worker);
    const urls = [location.pathname, ...performance.getEntriesByType('resource').map((entry) => entry.name)];
    worker.postMessage({ type: 'cache-urls', page: location.pathname, urls });
    prefetchEditor(worker);
  };
  addEventListener('load', () => {
    const wasControlled = !!navigator.serviceWorker.controller;
    // A deploy: the new build's worker takes over this open page (skipWaiting + claim).
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      const worker = navigator.serviceWorker.controller;
      if (worker) handOver(worker);
    });
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        const worker = registration.active;
        if (!worker) return;
        // Already in charge at load, it kept the page and its files as they were fetched.
        if (wasControlled) prefetchEditor(worker);
        else handOver(worker);
      })
      .catch(() => undefined); // no worker: the site works as before, online only
  });
}
