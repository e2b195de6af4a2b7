import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  WorkshopCloseCode,
  type Attendee,
  type AttendeeCommand,
  type ConnectionState,
  type HostCommand,
  type RoomState,
  type WorkshopErrorCode,
} from '../../protocol/workshop.ts';
import type { WorkshopLimits } from './limits.ts';
import { characterCount } from '../../protocol/visible-text.ts';
import { CloseCode } from '../../protocol/close-codes.ts';
import { RateLimit } from '../rate-limit.ts';
import { changedLinks, linkReportMs, SeatProgress } from './progress.ts';
import { applyRoomEvent, hashSecret, type RoomEvent, type RoomRecord, type SeatRecord } from './record.ts';
import { broadcast, send, type RoomSocket } from './wire.ts';
import { pollView } from './poll-views.ts';
import { RoomPolls, type PollCommand } from './room-polls.ts';
import type { Recording } from '../../protocol/recording.ts';

/** A refusal the endpoint turns into `{type:"error"}`; the connection stays open. */
export interface CommandError {
  code: WorkshopErrorCode;
  message: string;
}

/**
 * One attendee's place in the room: the durable record (id, name, state…) and what only this
 * run of the server has (the socket, timers, rate limits). The seat token brings them back to it.
 */
export interface Seat {
  readonly id: string;
  socket: RoomSocket | null;
  goneTimer: NodeJS.Timeout | null;
  readonly posts: RateLimit;
  readonly votes: RateLimit;
  readonly shares: RateLimit;
  /** Exercise status and link health for the host's class grid (this run only, not kept). */
  readonly progress: SeatProgress;
}

export const newSecret = () => randomBytes(24).toString('base64url');

/**
 * A seat's id. The letter in front is load-bearing: votes and seats are records keyed by seat id,
 * and JavaScript lists integer-like keys ("20481937") first, whatever order they came in, so a
 * bare hex id (all digits about once in 40) would jump the ballot export and the class grid.
 */
export const newSeatId = () => `s${randomBytes(4).toString('hex')}`;

/** Where a room's decisions go to be kept (the state store); the room never reads it back. */
export type RecordEvent = (code: string, event: RoomEvent) => void;

/**
 * A workshop room's rules. Sockets come in already identified (host or seat) by the endpoint;
 * every action checks the role and the room's limits, then commits one event: the event
 * changes the durable record (through the same reducer a restart replays) and goes to the store.
 */
export class Room {
  readonly code: string;
  readonly #record: RoomRecord;
  readonly #limits: WorkshopLimits;
  readonly #keep: RecordEvent;
  readonly #hosts = new Set<RoomSocket>();
  readonly #seats = new Map<string, Seat>();
  readonly #seatsByToken = new Map<string, string>();
  readonly #polls: RoomPolls;
  /** Shared runs are numbered per run of the server; they go to the hosts and are not kept. */
  #shares = 0;
  #emptySince: number = Date.now();
  /** Tells the hosts every few seconds which links changed (round trips move with each heartbeat). */
  readonly #linkTimer: NodeJS.Timeout;

  /** `record` is a new room's (after its `created` event) or one loaded back from the store. */
  constructor(record: RoomRecord, limits: WorkshopLimits, keep: RecordEvent) {
    this.code = record.code;
    this.#record = record;
    this.#limits = limits;
    this.#keep = keep;
    this.#polls = new RoomPolls({ record, commit: (event) => this.#commit(event), hosts: () => this.#hosts, attendees: () => this.#attendeeSockets() });
    this.#linkTimer = setInterval(() => {
      if (this.#hosts.size === 0) return;
      const links = changedLinks(this.#seats.values(), Date.now());
      if (links.length > 0) broadcast(this.#hosts, { type: 'links', links });
    }, linkReportMs);
    this.#linkTimer.unref();
    for (const { id, tokenHash, state } of Object.values(record.seats)) {
      const seat = this.#runtimeSeat(id);
      this.#seats.set(id, seat);
      this.#seatsByToken.set(tokenHash, id);
      if (state !== 'connected') continue;
      // Loaded back after a crash: nobody is connected yet, so everyone gets the grace period.
      this.#setState(seat, 'reconnecting');
      this.#startGrace(seat);
    }
  }

  get ended(): boolean {
    return this.#record.ended;
  }

  isHostToken(token: string): boolean {
    const given = Buffer.from(hashSecret(token));
    const kept = Buffer.from(this.#record.hostTokenHash);
    return given.length === kept.length && timingSafeEqual(given, kept);
  }

  /** When the room last had nobody connected (null while someone is). */
  get emptySince(): number | null {
    return this.#hosts.size > 0 || [...this.#seats.values()].some((seat) => seat.socket) ? null : this.#emptySince;
  }

  addHost(ws: RoomSocket, lanOrigins: string[]): void {
    this.#hosts.add(ws);
    send(ws, {
      type: 'welcome-host',
      state: this.#state('host'),
      attendees: Object.values(this.#record.seats).map((record) => this.#attendeeView(record)),
      limits: { maxAttendees: this.#limits.maxAttendees },
      lanOrigins,
    });
  }

  /**
   * Seats an attendee: back in their own seat when the token is theirs (the older connection of
   * that seat, if any, is closed: no duplicates), else in a new seat if the room has room.
   */
  join(ws: RoomSocket, name: string, seatToken: string | undefined): Seat | null {
    const known = seatToken === undefined ? undefined : this.#seatsByToken.get(hashSecret(seatToken));
    let seat = known === undefined ? undefined : this.#seats.get(known);
    let token = seatToken ?? '';
    if (seat) {
      const previous = seat.socket;
      seat.socket = ws;
      seat.progress.cameBack(Date.now());
      previous?.close(WorkshopCloseCode.replaced, 'this seat connected again from another tab or network');
    } else {
      if (!this.#makeRoomForSeat()) return null;
      token = newSecret();
      const record: SeatRecord = { id: newSeatId(), tokenHash: hashSecret(token), name, state: 'connected', muted: false, lastRun: null };
      seat = this.#runtimeSeat(record.id);
      seat.socket = ws;
      this.#seats.set(record.id, seat);
      this.#seatsByToken.set(record.tokenHash, record.id);
      this.#commit({ type: 'seat', seat: record });
    }
    this.#setState(seat, 'connected');
    const record = this.#seatRecord(seat);
    const yourVote = this.#record.poll?.votes[seat.id];
    send(ws, {
      type: 'welcome',
      state: this.#state('attendee'),
      you: { id: seat.id, name: record.name, seat: token, muted: record.muted },
      yourVote: yourVote ?? null,
      limits: { shareBytes: this.#limits.shareBytes },
    });
    return seat;
  }

  /** A connection closed. A seat shows as reconnecting for a grace period, then as gone. */
  disconnect(ws: RoomSocket, seat: Seat | null, left = false): void {
    if (this.#hosts.delete(ws) || !seat || seat.socket !== ws) return this.#touchEmpty();
    seat.socket = null;
    this.#touchEmpty();
    if (this.ended) return;
    if (left) return this.#setState(seat, 'gone');
    this.#setState(seat, 'reconnecting');
    this.#startGrace(seat);
  }

  attendeeCommand(seat: Seat, command: AttendeeCommand): CommandError | null {
    switch (command.type) {
      case 'vote':
        if (!seat.votes.take()) return { code: 'rate_limited', message: `at most ${this.#limits.votesPerMinute} votes a minute` };
        return this.#polls.vote(seat, command.poll, command.option);
      case 'post':
        return this.#post(seat, command.text);
      case 'run-result':
        this.#updateSeat(seat, { lastRun: { ok: command.ok, at: Date.now() } });
        return null;
      case 'progress':
        seat.progress.report(command.exercise, command.state, command.error, Date.now());
        broadcast(this.#hosts, { type: 'attendee', attendee: this.#attendeeView(this.#seatRecord(seat)) });
        return null;
      case 'share':
        return this.#share(seat, command.recording);
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

  /** `from` is the host's socket: answers meant for the asker alone (poll results) go there. */
  hostCommand(command: HostCommand, from: RoomSocket): CommandError | null {
    const room = this.#record;
    switch (command.type) {
      case 'push':
        this.#commit({ type: 'snippet', snippet: { id: room.last.snippet + 1, code: command.code, title: command.title ?? '', at: Date.now() } });
        broadcast(this.#everyone(), { type: 'snippet', snippet: room.snippet! });
        return null;
      case 'follow':
        this.#commit({ type: 'follow', location: command.location });
        broadcast(this.#everyone(), { type: 'follow', location: room.location });
        return null;
      case 'poll-open':
      case 'poll-close':
      case 'poll-reveal':
      case 'poll-results':
      case 'poll-results-all':
        return this.#polls.command(command satisfies PollCommand, from);
      case 'ask-share': {
        const seat = this.#seats.get(command.attendee);
        if (!seat) return { code: 'bad_message', message: `no attendee ${command.attendee} in this room` };
        if (!seat.socket) return { code: 'bad_message', message: `${this.#seatRecord(seat).name} is not connected right now` };
        send(seat.socket, { type: 'share-requested' });
        return null;
      }
      case 'wall-remove': {
        if (!room.wall.some((message) => message.id === command.id)) return null;
        this.#commit({ type: 'wall-removed', id: command.id });
        broadcast(this.#everyone(), { type: 'wall-removed', id: command.id });
        return null;
      }
      case 'mute': {
        const seat = this.#seats.get(command.attendee);
        if (!seat) return { code: 'bad_message', message: `no attendee ${command.attendee} in this room` };
        this.#updateSeat(seat, { muted: command.muted });
        if (seat.socket) send(seat.socket, { type: 'muted', muted: command.muted });
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
    this.#commit({ type: 'ended' });
    this.#polls.stop();
    clearInterval(this.#linkTimer);
    const everyone = [...this.#everyone()];
    broadcast(everyone, { type: 'ended' });
    for (const seat of this.#seats.values()) if (seat.goneTimer) clearTimeout(seat.goneTimer);
    for (const ws of everyone) ws.close(WorkshopCloseCode.ended, 'the host ended the workshop');
  }

  /**
   * Another instance took this room over (this one stalled past its lease): this copy stops and
   * its clients reconnect, to be welcomed by the new owner with the room as its log has it.
   */
  stepDown(): void {
    this.suspend();
    for (const ws of [...this.#everyone()]) ws.close(CloseCode.serviceRestart, 'another server took this workshop room over; reconnecting');
  }

  /** Stops this run's timers (the server is stopping); the durable state stays in the store. */
  suspend(): void {
    this.#polls.stop();
    clearInterval(this.#linkTimer);
    for (const seat of this.#seats.values()) if (seat.goneTimer) clearTimeout(seat.goneTimer);
  }

  #commit(event: RoomEvent): void {
    applyRoomEvent(this.#record, event);
    this.#keep(this.code, event);
  }

  /** The recording was checked against its schema (and its size) by the endpoint. */
  #share(seat: Seat, recording: Recording): CommandError | null {
    if (!seat.shares.take()) return { code: 'rate_limited', message: `at most ${this.#limits.sharesPerMinute} shared runs a minute` };
    if (this.#hosts.size === 0) return { code: 'no_host', message: 'the instructor’s console is not connected: share again in a moment' };
    const id = ++this.#shares;
    broadcast(this.#hosts, { type: 'shared-run', id, from: { id: seat.id, name: this.#seatRecord(seat).name }, at: Date.now(), recording });
    if (seat.socket) send(seat.socket, { type: 'shared', id });
    return null;
  }

  #post(seat: Seat, text: string): CommandError | null {
    const record = this.#seatRecord(seat);
    if (record.muted) return { code: 'muted', message: 'the instructor has muted you on the wall' };
    if (characterCount(text) > this.#limits.messageLength) return { code: 'bad_message', message: `text: a message has at most ${this.#limits.messageLength} characters` };
    if (!seat.posts.take()) return { code: 'rate_limited', message: `slow down: at most ${this.#limits.postsPerMinute} messages a minute` };
    const message = { id: this.#record.last.wall + 1, from: { id: seat.id, name: record.name }, text, at: Date.now() };
    this.#commit({ type: 'wall', message, keep: this.#limits.wallHistory });
    broadcast(this.#everyone(), { type: 'wall', message });
    return null;
  }

  /** Frees the oldest gone seat when the room is at its bound; false if every seat is in use. */
  #makeRoomForSeat(): boolean {
    if (this.#seats.size < this.#limits.maxAttendees) return true;
    const gone = Object.values(this.#record.seats).find((seat) => seat.state === 'gone');
    if (!gone) return false;
    this.#seats.delete(gone.id);
    this.#seatsByToken.delete(gone.tokenHash);
    this.#commit({ type: 'seat-freed', id: gone.id });
    return true;
  }

  #runtimeSeat(id: string): Seat {
    const minute = 60_000;
    const perMinute = (count: number) => new RateLimit(count, minute);
    const limits = this.#limits;
    return { id, socket: null, goneTimer: null, posts: perMinute(limits.postsPerMinute), votes: perMinute(limits.votesPerMinute), shares: perMinute(limits.sharesPerMinute), progress: new SeatProgress() };
  }

  #seatRecord(seat: Seat): SeatRecord {
    return this.#record.seats[seat.id]!;
  }

  #startGrace(seat: Seat): void {
    seat.goneTimer = setTimeout(() => this.#setState(seat, 'gone'), this.#limits.reconnectGraceSeconds * 1000);
    seat.goneTimer.unref();
  }

  #setState(seat: Seat, state: ConnectionState): void {
    if (seat.goneTimer) clearTimeout(seat.goneTimer);
    seat.goneTimer = null;
    this.#updateSeat(seat, { state });
  }

  /** A seat changed: kept, and the hosts see the new row. */
  #updateSeat(seat: Seat, change: Partial<Pick<SeatRecord, 'state' | 'muted' | 'lastRun'>>): void {
    const updated = { ...this.#seatRecord(seat), ...change };
    this.#commit({ type: 'seat', seat: updated });
    broadcast(this.#hosts, { type: 'attendee', attendee: this.#attendeeView(updated) });
  }

  #touchEmpty(): void {
    if (this.emptySince === null) return;
    this.#emptySince = Date.now();
  }

  *#everyone(): Generator<RoomSocket> {
    yield* this.#hosts;
    yield* this.#attendeeSockets();
  }

  *#attendeeSockets(): Generator<RoomSocket> {
    for (const seat of this.#seats.values()) if (seat.socket) yield seat.socket;
  }

  #attendeeView(record: SeatRecord): Attendee {
    const seat = this.#seats.get(record.id);
    const now = Date.now();
    return {
      id: record.id,
      name: record.name,
      state: record.state,
      muted: record.muted,
      lastRun: record.lastRun,
      exercises: seat?.progress.exercises() ?? [],
      link: seat ? seat.progress.link(seat.socket?.rttMs ?? null, now) : { rttMs: null, reconnects: 0 },
    };
  }

  #state(viewer: 'host' | 'attendee'): RoomState {
    const { snippet, location, wall } = this.#record;
    return { code: this.code, snippet, location, poll: pollView(this.#record.poll, viewer), wall };
  }
}
