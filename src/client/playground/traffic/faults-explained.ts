import * as z from 'zod/mini';

/**
 * Which faults this browser has already had explained, in localStorage: the line under the fault
 * buttons is for the first use of each, and after that it would only be noise above the log the
 * learner is watching (the tooltip keeps the explanation one hover away). Read back through a
 * schema, since storage is input like any other: anything unreadable counts as nothing seen.
 */
const storageKey = 'duplex.playground.faults-explained';
const Seen = z.array(z.string());

/** Records that `fault` is being used now; true if this is its first use in this browser. */
export function firstUse(storage: Pick<Storage, 'getItem' | 'setItem'>, fault: string): boolean {
  const seen = read(storage);
  if (seen.includes(fault)) return false;
  try {
    storage.setItem(storageKey, JSON.stringify([...seen, fault]));
  } catch {
    // Storage full or refused (a private window): explain every time rather than never.
  }
  return true;
}

function read(storage: Pick<Storage, 'getItem'>): string[] {
  try {
    const result = Seen.safeParse(JSON.parse(storage.getItem(storageKey) ?? '[]'));
    return result.success ? result.data : [];
  } catch {
    return [];
  }
}
