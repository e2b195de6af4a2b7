/** A required child of a custom element; a missing one is a markup bug, so it fails loudly. */
export function part<T extends Element>(host: Element, selector: string): T {
  const found = host.querySelector<T>(selector);
  if (!found) throw new Error(`<${host.localName}> is missing ${selector}`);
  return found;
}
