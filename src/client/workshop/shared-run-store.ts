import { readRecording } from '../../../protocol/recording.ts';
import { SharedRun } from '../../../protocol/workshop.ts';

/**
 * The runs attendees shared, kept in the host tab's sessionStorage so a reload of the console
 * keeps them. The server keeps no copy on purpose (an attendee shares with the instructor's
 * screen, not with a database), and sessionStorage keeps that promise: it belongs to this tab
 * and goes when the tab closes. What is read back came from attendees' browsers and sat in
 * storage: each entry is checked with the same schema as on the wire, and one that fails is
 * dropped with a reason the console shows, never drawn and never a crash.
 */

export type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface Loaded {
  runs: SharedRun[];
  /** One line per entry that could not be read back. */
  dropped: string[];
}

/** This tab's sessionStorage, or null where the browser refuses this page any storage (reading it throws then). */
export function tabStorage(): Store | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

const key = (code: string) => `duplex.workshop.shared.${code}`;

/** Why a stored entry is refused: the recording's own message when that is the problem. */
function problemOf(value: unknown, index: number): string {
  const recording = typeof value === 'object' && value !== null ? (value as { recording?: unknown }).recording : undefined;
  const read = readRecording(recording);
  const why = read.ok ? 'it is not a shared run any more (its sender, time or id is damaged).' : read.message;
  return `Shared run ${index + 1} saved in this tab could not be read and was dropped: ${why}`;
}

export function loadSharedRuns(store: Store, code: string): Loaded {
  let value: unknown;
  try {
    value = JSON.parse(store.getItem(key(code)) ?? '[]');
  } catch {
    return { runs: [], dropped: ['The shared runs saved in this tab could not be read (not JSON) and were dropped.'] };
  }
  if (!Array.isArray(value)) return { runs: [], dropped: ['The shared runs saved in this tab are not a list and were dropped.'] };
  const loaded: Loaded = { runs: [], dropped: [] };
  value.forEach((entry, index) => {
    const parsed = SharedRun.safeParse(entry);
    if (parsed.success) loaded.runs.push(parsed.data);
    else loaded.dropped.push(problemOf(entry, index));
  });
  return loaded;
}

/**
 * Saves the runs, newest first. When the tab's storage is full the oldest are left out until the
 * rest fit; the answer says how many were (0: all kept).
 */
export function saveSharedRuns(store: Store, code: string, runs: readonly SharedRun[]): number {
  for (let keep = runs.length; keep >= 0; keep--) {
    try {
      if (keep === 0) store.removeItem(key(code));
      else store.setItem(key(code), JSON.stringify(runs.slice(0, keep)));
      return runs.length - keep;
    } catch {
      // QuotaExceededError: try with one run fewer.
    }
  }
  return runs.length;
}

/** The room is over for this browser: its attendees' runs leave the tab too. */
export function forgetSharedRuns(store: Store, code: string): void {
  store.removeItem(key(code));
}
