import type { Poll } from '../../protocol/workshop.ts';
import type { PollRecord, SeatRecord } from './record.ts';

/**
 * What each side may see of a poll. The host sees the totals and the right answer at all times;
 * attendees see them on a live poll, or on a hidden one once the host revealed it. Hidden
 * totals are left out of what is sent, so an attendee's browser never holds them early.
 */
export function pollView(poll: PollRecord | null, viewer: 'host' | 'attendee'): Poll | null {
  if (!poll) return null;
  const counts = poll.options.map(() => 0);
  const votes = Object.values(poll.votes);
  for (const option of votes) counts[option] = (counts[option] ?? 0) + 1;
  const shown = viewer === 'host' || !poll.hidden || poll.revealed;
  const correctShown = viewer === 'host' || poll.revealed;
  return {
    id: poll.id,
    question: poll.question,
    options: poll.options.map((text, i) => ({ text, votes: shown ? (counts[i] ?? 0) : null })),
    open: poll.open,
    voters: votes.length,
    hidden: poll.hidden,
    revealed: poll.revealed,
    correct: correctShown ? poll.correct : null,
  };
}

/** Every ballot of a poll by the voter's name, in seat order (the host's CSV export). */
export function ballotsOf(poll: PollRecord, seats: Readonly<Record<string, SeatRecord>>): Array<{ attendee: string; option: number }> {
  return Object.entries(poll.votes).map(([seat, option]) => ({ attendee: seats[seat]?.name ?? `(seat ${seat}, since freed)`, option }));
}
