type Props<K extends keyof HTMLElementTagNameMap> = Partial<Omit<HTMLElementTagNameMap[K], 'dataset' | 'style'>> & {
  dataset?: Record<string, string>;
};

/** Absent children (`null`, `undefined`, `false`) are skipped, so optional parts read inline. */
type Child = Node | string | null | undefined | false;

/**
 * Creates an element with properties and children. Children that are strings become text
 * nodes, never HTML: attendee names, messages and learner data go through here, so
 * `<img src=x onerror=…>` shows up as those characters and nothing else.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props<K> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  const { dataset, ...rest } = props;
  Object.assign(element, rest);
  if (dataset) Object.assign(element.dataset, dataset);
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

/** An element the page's markup promises; a missing one is a markup bug, so it fails loudly, naming what is missing. */
export function part<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`${root instanceof Element ? `<${root.localName}>` : 'the page'} is missing ${selector}`);
  return found;
}

/**
 * Runs `run` once, the first time `element` comes within a screen of the viewport: a demo far
 * down a lesson opens its connections when the reader gets there, not while the page loads.
 */
export function whenNearView(element: Element, run: () => void): void {
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      run();
    },
    { rootMargin: '100% 0px' },
  );
  observer.observe(element);
}
