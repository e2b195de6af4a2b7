// Brings Starlight's `Astro.locals.starlightRoute` typing (declared by its integration entry) into scope.
import type {} from '@astrojs/starlight';

declare global {
  interface ImportMetaEnv {
    /** Origin of the playground server when the site is hosted elsewhere (default: the site's own origin). */
    readonly PUBLIC_DUPLEX_SERVER?: string;
  }
}
