import * as z from 'zod/mini';

/**
 * What a browser remembers about a room, in localStorage so a reload, a dropped Wi-Fi or a
 * closed tab brings the same person back: the host token (only the host's browser has it) and an
 * attendee's seat token and name. Read back through a schema: storage is input like any other.
 */
const SeatRecord = z.object({ seat: z.string(), name: z.string() });
export type SeatRecord = z.infer<typeof SeatRecord>;

const key = (kind: 'host' | 'seat', code: string) => `duplex.workshop.${kind}.${code}`;

function read(name: string): unknown {
  try {
    return JSON.parse(localStorage.getItem(name) ?? 'null');
  } catch {
    return null;
  }
}

export function hostToken(code: string): string | null {
  const value = read(key('host', code));
  return typeof value === 'string' ? value : null;
}

export function rememberHostToken(code: string, token: string): void {
  localStorage.setItem(key('host', code), JSON.stringify(token));
}

export function seatRecord(code: string): SeatRecord | null {
  const result = SeatRecord.safeParse(read(key('seat', code)));
  return result.success ? result.data : null;
}

export function rememberSeat(code: string, record: SeatRecord): void {
  localStorage.setItem(key('seat', code), JSON.stringify(record));
}

export function forgetRoom(code: string): void {
  localStorage.removeItem(key('host', code));
  localStorage.removeItem(key('seat', code));
}
