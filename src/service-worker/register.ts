import { mayPrefetchEditor, type ConnectionHints } from './prefetch-policy.ts';

/**
 * Every page of the production build: registers the offline service worker once the page has
 * loaded (after first paint), hands it what a first, uncontrolled visit fetched, and on a page
 * with a playground asks it to fetch the editor ahead when the browser is idle and the
 * connection allows (Monaco then opens from the cache, online or not).
 */
if ('serviceWorker' in navigator) {
  addEventListener('load', () => {
    const wasControlled = !!navigator.serviceWorker.controller;
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        const worker = registration.active;
        if (!worker) return;
        if (!wasControlled) {
          const urls = [location.pathname, ...performance.getEntriesByType('resource').map((entry) => entry.name)];
          worker.postMessage({ type: 'cache-urls', page: location.pathname, urls });
        }
        const connection = (navigator as Navigator & { connection?: ConnectionHints }).connection;
        if (document.querySelector('duplex-playground') && mayPrefetchEditor(connection)) {
          const whenIdle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1000));
          whenIdle(() => worker.postMessage({ type: 'prefetch-editor' }), { timeout: 10_000 });
        }
      })
      .catch(() => undefined); // no worker: the site works as before, online only
  });
}
