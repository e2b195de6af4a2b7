import type { HostCommand } from '../../protocol/workshop.ts';
import { ballotsOf, pollView } from './poll-views.ts';
import type { RoomEvent, RoomRecord } from './record.ts';
import { broadcast, send, type RoomSocket } from './wire.ts';
import type { CommandError } from './room.ts';

/** Poll results reach the room at most this often, so 500 votes in a second are not 250,000 messages. */
const pollBroadcastMs = 100;

export type PollCommand = Extract<HostCommand, { type: 'poll-open' | 'poll-close' | 'poll-reveal' | 'poll-results' | 'poll-results-all' }>;

/** What the polls need of their room: its record, its one way to change it, and who is connected. */
export interface PollRoom {
  readonly record: RoomRecord;
  commit(event: RoomEvent): void;
  hosts(): Iterable<RoomSocket>;
  attendees(): Iterable<RoomSocket>;
}

/**
 * A room's poll: opening, voting, closing, revealing and the export, each decision one room event.
 * Hosts and attendees get different views of it (poll-views.ts), so it is sent to each side apart.
 */
export class RoomPolls {
  readonly #room: PollRoom;
  #timer: NodeJS.Timeout | null = null;

  constructor(room: PollRoom) {
    this.#room = room;
  }

  /** `from` is the host who asked: the export goes to that host alone. */
  command(command: PollCommand, from: RoomSocket): CommandError | null {
    const { record } = this.#room;
    switch (command.type) {
      case 'poll-open':
        if (command.correct !== undefined && command.correct >= command.options.length) {
          return { code: 'bad_message', message: `correct: this poll has ${command.options.length} options` };
        }
        this.#room.commit({ type: 'poll-open', id: `p${record.last.poll + 1}`, question: command.question, options: command.options, hidden: command.hidden, correct: command.correct });
        break;
      case 'poll-close':
        if (!record.poll) return { code: 'no_poll', message: 'there is no poll to close' };
        this.#room.commit({ type: 'poll-close' });
        break;
      case 'poll-reveal':
        if (!record.poll) return { code: 'no_poll', message: 'there is no poll to reveal' };
        this.#room.commit({ type: 'poll-reveal' });
        break;
      case 'poll-results': {
        const poll = pollView(record.poll, 'host');
        if (!poll || !record.poll) return { code: 'no_poll', message: 'there is no poll to export' };
        send(from, { type: 'poll-results', poll, ballots: ballotsOf(record.poll, record.seats) });
        return null;
      }
      case 'poll-results-all': {
        if (!record.poll) return { code: 'no_poll', message: 'there is no poll to export' };
        const polls = [...record.pastPolls, record.poll].map((kept) => ({ poll: pollView(kept, 'host')!, ballots: ballotsOf(kept, record.seats) }));
        send(from, { type: 'poll-results-all', polls });
        return null;
      }
    }
    this.broadcastNow();
    return null;
  }

  /** One vote per seat, on the open poll; totals go out in batches. */
  vote(seat: { id: string; socket: RoomSocket | null }, pollId: string, option: number): CommandError | null {
    const poll = this.#room.record.poll;
    if (!poll || poll.id !== pollId || !poll.open) return { code: 'no_poll', message: 'this poll is closed' };
    if (option >= poll.options.length) return { code: 'bad_message', message: `option: this poll has ${poll.options.length} options` };
    if (seat.id in poll.votes) return { code: 'already_voted', message: 'you already voted in this poll' };
    this.#room.commit({ type: 'vote', seat: seat.id, option });
    if (seat.socket) send(seat.socket, { type: 'voted', poll: poll.id, option });
    if (!this.#timer) {
      this.#timer = setTimeout(() => this.broadcastNow(), pollBroadcastMs);
      this.#timer.unref();
    }
    return null;
  }

  broadcastNow(): void {
    this.stop();
    const forHosts = pollView(this.#room.record.poll, 'host');
    const forAttendees = pollView(this.#room.record.poll, 'attendee');
    if (forHosts) broadcast(this.#room.hosts(), { type: 'poll', poll: forHosts });
    if (forAttendees) broadcast(this.#room.attendees(), { type: 'poll', poll: forAttendees });
  }

  /** Stops a pending batch (the room ends or the server stops). */
  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
