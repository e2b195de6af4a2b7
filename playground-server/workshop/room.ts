import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { LiveSocket } from '../live-socket.ts';
import {
  WorkshopCloseCode,
  type Attendee,
  type AttendeeCommand,
  type ConnectionState,
  type HostCommand,
  type Location,
  type Poll,
  type RoomState,
  type Snippet,
  type WallMessage,
  type WorkshopErrorCode,
} from '../../protocol/workshop.ts';
import { characterCount } from '../../protocol/visible-text.ts';
import type { WorkshopLimits } from './limits.ts';
import { RateLimit } from '../rate-limit.ts';
import { changedLinks, linkReportMs, SeatProgress } from './progress.ts';
import { broadcast, send } from './wire.ts';

/** A refusal the endpoint turns into `{type:"error"}`; the connection stays open. */
export interface CommandError {
  code: WorkshopErrorCode;
  message: string;
}

/** One attendee's place in the room. It outlives connections: the seat token brings them back to it. */
export interface Seat {
  readonly id: string;
  readonly token: string;
  readonly name: string;
  socket: LiveSocket | null;
  state: ConnectionState;
  muted: boolean;
  lastRun: { ok: boolean; at: number } | null;
  goneTimer: NodeJS.Timeout | null;
  readonly posts: RateLimit;
  readonly votes: RateLimit;
  /** Exercise status and link health for the host's class grid. */
  readonly progress: SeatProgress;
}

interface OpenPoll {
  id: string;
  question: string;
  options: string[];
  open: boolean;
  /** Seat id → chosen option: one vote per seat, whatever its connections. */
  votes: Map<string, number>;
}

export const newSecret = () => randomBytes(24).toString('base64url');

/** Poll results reach the room at most this often, so 500 votes in a second are not 250,000 messages. */
const pollBroadcastMs = 100;

/**
 * A workshop room's state and rules. Sockets come in already identified (host or seat) by the
 * endpoint; every action checks the role and the room's limits before changing anything.
 */
export class Room {
  readonly code: string;
  readonly #hostToken: Buffer;
  readonly #limits: WorkshopLimits;
  readonly #hosts = new Set<LiveSocket>();
  readonly #seats = new Map<string, Seat>();
  readonly #seatsByToken = new Map<string, Seat>();
  #snippet: Snippet | null = null;
  #location: Location | null = null;
  #poll: OpenPoll | null = null;
  #pollTimer: NodeJS.Timeout | null = null;
  #wall: WallMessage[] = [];
  #nextWallId = 1;
  #nextSnippetId = 1;
  #nextPollId = 1;
  #emptySince: number = Date.now();
  /** Tells the hosts every few seconds which links changed (round trips move with each heartbeat). */
  readonly #linkTimer: NodeJS.Timeout;
  ended = false;

  constructor(code: string, hostToken: string, limits: WorkshopLimits) {
    this.code = code;
    this.#hostToken = Buffer.from(hostToken);
    this.#limits = limits;
    this.#linkTimer = setInterval(() => {
      if (this.#hosts.size === 0) return;
      const links = changedLinks(this.#seats.values(), Date.now());
      if (links.length > 0) broadcast(this.#hosts, { type: 'links', links });
    }, linkReportMs);
    this.#linkTimer.unref();
  }

  isHostToken(token: string): boolean {
    const given = Buffer.from(token);
    return given.length === this.#hostToken.length && timingSafeEqual(given, this.#hostToken);
  }

  /** When the room last had nobody connected (null while someone is). */
  get emptySince(): number | null {
    return this.#hosts.size > 0 || [...this.#seats.values()].some((seat) => seat.socket) ? null : this.#emptySince;
  }

  addHost(ws: LiveSocket, lanOrigins: string[]): void {
    this.#hosts.add(ws);
    send(ws, {
      type: 'welcome-host',
      state: this.#state(),
      attendees: [...this.#seats.values()].map(attendeeView),
      limits: { maxAttendees: this.#limits.maxAttendees },
      lanOrigins,
    });
  }

  /**
   * Seats an attendee: back in their own seat when the token is theirs (the older connection of
   * that seat, if any, is closed: no duplicates), else in a new seat if the room has room.
   */
  join(ws: LiveSocket, name: string, seatToken: string | undefined): Seat | null {
    let seat = seatToken === undefined ? undefined : this.#seatsByToken.get(seatToken);
    if (seat) {
      const previous = seat.socket;
      seat.socket = ws;
      seat.progress.cameBack(Date.now());
      previous?.close(WorkshopCloseCode.replaced, 'this seat connected again from another tab or network');
    } else {
      if (!this.#makeRoomForSeat()) return null;
      const minute = 60_000;
      seat = {
        id: randomBytes(4).toString('hex'),
        token: newSecret(),
        name,
        socket: ws,
        state: 'connected',
        muted: false,
        lastRun: null,
        goneTimer: null,
        posts: new RateLimit(this.#limits.postsPerMinute, minute),
        votes: new RateLimit(this.#limits.votesPerMinute, minute),
        progress: new SeatProgress(),
      };
      this.#seats.set(seat.id, seat);
      this.#seatsByToken.set(seat.token, seat);
    }
    this.#setState(seat, 'connected');
    const yourVote = this.#poll?.votes.get(seat.id);
    send(ws, {
      type: 'welcome',
      state: this.#state(),
      you: { id: seat.id, name: seat.name, seat: seat.token, muted: seat.muted },
      yourVote: yourVote ?? null,
    });
    return seat;
  }

  /** A connection closed. A seat shows as reconnecting for a grace period, then as gone. */
  disconnect(ws: LiveSocket, seat: Seat | null, left = false): void {
    if (this.#hosts.delete(ws) || !seat || seat.socket !== ws) return this.#touchEmpty();
    seat.socket = null;
    this.#touchEmpty();
    if (this.ended) return;
    if (left) return this.#setState(seat, 'gone');
    this.#setState(seat, 'reconnecting');
    seat.goneTimer = setTimeout(() => this.#setState(seat, 'gone'), this.#limits.reconnectGraceSeconds * 1000);
    seat.goneTimer.unref();
  }

  attendeeCommand(seat: Seat, command: AttendeeCommand): CommandError | null {
    switch (command.type) {
      case 'vote':
        return this.#vote(seat, command.poll, command.option);
      case 'post':
        return this.#post(seat, command.text);
      case 'run-result':
        seat.lastRun = { ok: command.ok, at: Date.now() };
        this.#toHosts(seat);
        return null;
      case 'progress':
        seat.progress.report(command.exercise, command.state, command.error, Date.now());
        this.#toHosts(seat);
        return null;
      case 'leave': {
        const ws = seat.socket;
        if (ws) {
          this.disconnect(ws, seat, true);
          ws.close(1000, 'left the workshop');
        }
        return null;
      }
    }
  }

  hostCommand(command: HostCommand): CommandError | null {
    switch (command.type) {
      case 'push':
        this.#snippet = { id: this.#nextSnippetId++, code: command.code, title: command.title ?? '', at: Date.now() };
        broadcast(this.#everyone(), { type: 'snippet', snippet: this.#snippet });
        return null;
      case 'follow':
        this.#location = command.location;
        broadcast(this.#everyone(), { type: 'follow', location: this.#location });
        return null;
      case 'poll-open':
        this.#poll = { id: `p${this.#nextPollId++}`, question: command.question, options: command.options, open: true, votes: new Map() };
        this.#broadcastPollNow();
        return null;
      case 'poll-close':
        if (!this.#poll) return { code: 'no_poll', message: 'there is no poll to close' };
        this.#poll.open = false;
        this.#broadcastPollNow();
        return null;
      case 'wall-remove': {
        const before = this.#wall.length;
        this.#wall = this.#wall.filter((message) => message.id !== command.id);
        if (this.#wall.length !== before) broadcast(this.#everyone(), { type: 'wall-removed', id: command.id });
        return null;
      }
      case 'mute': {
        const seat = this.#seats.get(command.attendee);
        if (!seat) return { code: 'bad_message', message: `no attendee ${command.attendee} in this room` };
        seat.muted = command.muted;
        if (seat.socket) send(seat.socket, { type: 'muted', muted: seat.muted });
        this.#toHosts(seat);
        return null;
      }
      case 'end':
        this.end();
        return null;
    }
  }

  /** The host ended the room: everyone is told, then every connection closes with 4410. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.#pollTimer) clearTimeout(this.#pollTimer);
    clearInterval(this.#linkTimer);
    const everyone = [...this.#everyone()];
    broadcast(everyone, { type: 'ended' });
    for (const seat of this.#seats.values()) if (seat.goneTimer) clearTimeout(seat.goneTimer);
    for (const ws of everyone) ws.close(WorkshopCloseCode.ended, 'the host ended the workshop');
  }

  #vote(seat: Seat, pollId: string, option: number): CommandError | null {
    if (!seat.votes.take()) return { code: 'rate_limited', message: `at most ${this.#limits.votesPerMinute} votes a minute` };
    const poll = this.#poll;
    if (!poll || poll.id !== pollId || !poll.open) return { code: 'no_poll', message: 'this poll is closed' };
    if (option >= poll.options.length) return { code: 'bad_message', message: `option: this poll has ${poll.options.length} options` };
    if (poll.votes.has(seat.id)) return { code: 'already_voted', message: 'you already voted in this poll' };
    poll.votes.set(seat.id, option);
    if (seat.socket) send(seat.socket, { type: 'voted', poll: poll.id, option });
    this.#schedulePollBroadcast();
    return null;
  }

  #post(seat: Seat, text: string): CommandError | null {
    if (seat.muted) return { code: 'muted', message: 'the instructor has muted you on the wall' };
    if (characterCount(text) > this.#limits.messageLength) return { code: 'bad_message', message: `text: a message has at most ${this.#limits.messageLength} characters` };
    if (!seat.posts.take()) return { code: 'rate_limited', message: `slow down: at most ${this.#limits.postsPerMinute} messages a minute` };
    const message: WallMessage = { id: this.#nextWallId++, from: { id: seat.id, name: seat.name }, text, at: Date.now() };
    this.#wall.push(message);
    if (this.#wall.length > this.#limits.wallHistory) this.#wall.shift();
    broadcast(this.#everyone(), { type: 'wall', message });
    return null;
  }

  /** Frees the oldest gone seat when the room is at its bound; false if every seat is in use. */
  #makeRoomForSeat(): boolean {
    if (this.#seats.size < this.#limits.maxAttendees) return true;
    const gone = [...this.#seats.values()].find((seat) => seat.state === 'gone');
    if (!gone) return false;
    this.#seats.delete(gone.id);
    this.#seatsByToken.delete(gone.token);
    return true;
  }

  #setState(seat: Seat, state: ConnectionState): void {
    if (seat.goneTimer) clearTimeout(seat.goneTimer);
    seat.goneTimer = null;
    seat.state = state;
    this.#toHosts(seat);
  }

  #touchEmpty(): void {
    if (this.emptySince === null) return;
    this.#emptySince = Date.now();
  }

  #toHosts(seat: Seat): void {
    broadcast(this.#hosts, { type: 'attendee', attendee: attendeeView(seat) });
  }

  *#everyone(): Generator<LiveSocket> {
    yield* this.#hosts;
    for (const seat of this.#seats.values()) if (seat.socket) yield seat.socket;
  }

  #schedulePollBroadcast(): void {
    if (this.#pollTimer) return;
    this.#pollTimer = setTimeout(() => this.#broadcastPollNow(), pollBroadcastMs);
    this.#pollTimer.unref();
  }

  #broadcastPollNow(): void {
    if (this.#pollTimer) clearTimeout(this.#pollTimer);
    this.#pollTimer = null;
    const poll = this.#pollView();
    if (poll) broadcast(this.#everyone(), { type: 'poll', poll });
  }

  #pollView(): Poll | null {
    const poll = this.#poll;
    if (!poll) return null;
    const counts = poll.options.map(() => 0);
    for (const option of poll.votes.values()) counts[option] = (counts[option] ?? 0) + 1;
    return {
      id: poll.id,
      question: poll.question,
      options: poll.options.map((text, i) => ({ text, votes: counts[i] ?? 0 })),
      open: poll.open,
      voters: poll.votes.size,
    };
  }

  #state(): RoomState {
    return { code: this.code, snippet: this.#snippet, location: this.#location, poll: this.#pollView(), wall: this.#wall };
  }
}

function attendeeView(seat: Seat): Attendee {
  return {
    id: seat.id,
    name: seat.name,
    state: seat.state,
    muted: seat.muted,
    lastRun: seat.lastRun,
    exercises: seat.progress.exercises(),
    link: seat.progress.link(seat.socket?.rttMs ?? null, Date.now()),
  };
}
