// @pagefind/default-ui ships no types; the header's search (components/Search.astro) uses only this.
declare module '@pagefind/default-ui' {
  export class PagefindUI {
    constructor(options: { element: HTMLElement; bundlePath: string; showImages: boolean; showSubResults: boolean; translations: Record<string, string> });
  }
}
