/**
 * The state store cannot be used as it is (unreadable, corrupt, written by a newer version):
 * start-up stops with one line naming the file. The file is never deleted or rewritten for
 * the user: it may hold a workshop they want back.
 */
export class StoreError extends Error {
  override name = 'StoreError';
  readonly file: string;

  constructor(file: string, problem: string) {
    super(`${problem} (${file}). It was left untouched: move it away, choose another --state-dir / DUPLEX_STATE_DIR, or run with --ephemeral.`);
    this.file = file;
  }
}
