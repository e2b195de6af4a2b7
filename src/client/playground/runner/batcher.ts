/**
 * Coalesces a stream of small messages into one postMessage per `everyMs`. Each message between
 * threads is a task on the receiving side; at thousands of frames a second the page's main thread
 * spends more on those tasks than on drawing, falls behind and never catches up. The first item
 * after a quiet spell goes at once (no added latency for a lone echo); a burst waits at most
 * `everyMs`. Order is kept: `flush()` before sending anything that is not batched.
 */
export interface Batcher<T> {
  push(item: T): void;
  flush(): void;
}

export function batcher<T>(send: (items: T[]) => void, everyMs = 16): Batcher<T> {
  let items: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSent = -Infinity;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (items.length === 0) return;
    const out = items;
    items = [];
    lastSent = performance.now();
    send(out);
  };
  return {
    push(item) {
      items.push(item);
      if (timer !== undefined) return;
      const wait = lastSent + everyMs - performance.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    flush,
  };
}
