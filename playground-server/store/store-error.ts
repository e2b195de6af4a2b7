import type * as z from 'zod/mini';
import { explainIssues } from '../explain.ts';

/** Why a record read back from a store is not what we wrote, in one line. */
export const explainRecord = (issues: readonly z.core.$ZodIssue[]) => explainIssues(issues, { where: (path) => path.join('.') || 'record' }).join('; ');

/**
 * The state store cannot be used as it is (unreadable, corrupt, written by a newer version, a
 * Redis that does not answer): start-up stops with one line naming the file or URL. The file is never deleted or rewritten for
 * the user: it may hold a workshop they want back.
 */
export class StoreError extends Error {
  override name = 'StoreError';
  readonly file: string;

  constructor(file: string, problem: string, advice = 'It was left untouched: move it away, choose another --state-dir / DUPLEX_STATE_DIR, or run with --ephemeral.') {
    super(`${problem} (${file}). ${advice}`);
    this.file = file;
  }
}
