type Child = Node | string | null | undefined | false;

/**
 * Builds an element whose strings become text nodes, never HTML: attendee names and messages
 * go through here, so `<img src=x onerror=…>` shows up as those characters and nothing else.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string | boolean>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === false || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

/** The element a page's markup promises, or a clear error naming what is missing. */
export function part<T extends HTMLElement = HTMLElement>(root: ParentNode, role: string): T {
  const found = root.querySelector<T>(`[data-role="${role}"]`);
  if (!found) throw new Error(`workshop page is missing [data-role="${role}"]`);
  return found;
}

/** Short words for a connection state, shown beside the room code. */
export function describeLink(state: import('./connection.ts').LinkState): string {
  switch (state.state) {
    case 'connecting':
      return 'connecting…';
    case 'open':
      return 'connected';
    case 'reconnecting':
      return 'reconnecting…';
    case 'closed':
      return `disconnected: ${state.reason || `code ${state.code}`}`;
  }
}
