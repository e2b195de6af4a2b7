/** What `navigator.connection` says, where the browser tells (Chromium does; others do not). */
export interface ConnectionHints {
  saveData?: boolean;
  effectiveType?: string;
}

/**
 * The editor (about a megabyte compressed) is fetched ahead of intent only where that costs the
 * learner nothing they asked to keep: not with Data Saver on, not on a slow link. A browser that
 * does not say is treated as a fast one.
 */
export function mayPrefetchEditor(connection: ConnectionHints | undefined): boolean {
  if (!connection) return true;
  if (connection.saveData) return false;
  return !['slow-2g', '2g', '3g'].includes(connection.effectiveType ?? '4g');
}
