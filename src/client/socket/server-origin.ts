/**
 * Where the playground server lives. Same origin by default (one process serves the site and
 * the sockets); a site deployed to a static host points elsewhere with PUBLIC_DUPLEX_SERVER at build time.
 */
export function serverOrigin(): string {
  const configured: string | undefined = import.meta.env.PUBLIC_DUPLEX_SERVER;
  return configured ? new URL(configured).origin : location.origin;
}
