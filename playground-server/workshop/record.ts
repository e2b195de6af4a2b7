import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { ConnectionState, Location, Snippet, WallMessage } from '../../protocol/workshop.ts';

/**
 * The durable half of a workshop room: what must survive a restart (seats, poll, wall, snippet,
 * slide), as plain data. Sockets, timers and rate limits are not here: they belong to one run
 * of the process. Secrets are kept as hashes, so the state file holds no usable token.
 */
const SeatRecord = z.object({
  id: z.string(),
  tokenHash: z.string(),
  name: z.string(),
  state: ConnectionState,
  muted: z.boolean(),
  lastRun: z.nullable(z.object({ ok: z.boolean(), at: z.number() })),
});
export type SeatRecord = z.infer<typeof SeatRecord>;

export const PollRecord = z.object({
  id: z.string(),
  question: z.string(),
  options: z.array(z.string()),
  open: z.boolean(),
  /** Seat id → chosen option: one vote per seat. */
  votes: z.record(z.string(), z.number()),
  // Teaching polls (defaults: a room kept before they existed reads as a live poll).
  hidden: z._default(z.boolean(), false),
  correct: z._default(z.nullable(z.number()), null),
  revealed: z._default(z.boolean(), false),
});

export type PollRecord = z.infer<typeof PollRecord>;

/**
 * Polls kept before the current one, for the "all polls" export. Bounded so the export (every
 * ballot of every poll, to one host) stays well under a socket's send buffer at a full room.
 */
export const keptPastPolls = 19;

export const RoomRecord = z.object({
  code: z.string(),
  hostTokenHash: z.string(),
  seats: z.record(z.string(), SeatRecord),
  snippet: z.nullable(Snippet),
  location: z.nullable(Location),
  poll: z.nullable(PollRecord),
  /** The polls before `poll`, oldest first (a room kept before this existed has none). */
  pastPolls: z._default(z.array(PollRecord), []),
  wall: z.array(WallMessage),
  /** The last id handed out of each numbered kind, so ids never repeat after a restart. */
  last: z.object({ wall: z.number(), snippet: z.number(), poll: z.number() }),
  ended: z.boolean(),
});
export type RoomRecord = z.infer<typeof RoomRecord>;

/** Everything that changes a room's durable state, one event per decision the room made. */
export const RoomEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('created'), code: z.string(), hostTokenHash: z.string() }),
  /** A seat was added or changed (state, mute, last run): the whole seat, it is small. */
  z.object({ type: z.literal('seat'), seat: SeatRecord }),
  z.object({ type: z.literal('seat-freed'), id: z.string() }),
  z.object({ type: z.literal('snippet'), snippet: Snippet }),
  z.object({ type: z.literal('follow'), location: z.nullable(Location) }),
  z.object({
    type: z.literal('poll-open'),
    id: z.string(),
    question: z.string(),
    options: z.array(z.string()),
    hidden: z.optional(z.boolean()),
    correct: z.optional(z.number()),
  }),
  z.object({ type: z.literal('poll-close') }),
  /** Closed and revealed: attendees see the totals and the right answer from now on. */
  z.object({ type: z.literal('poll-reveal') }),
  z.object({ type: z.literal('vote'), seat: z.string(), option: z.number() }),
  /** `keep`: the wall's bound when it was posted, so a replay trims exactly as the room did. */
  z.object({ type: z.literal('wall'), message: WallMessage, keep: z.number() }),
  z.object({ type: z.literal('wall-removed'), id: z.number() }),
  z.object({ type: z.literal('ended') }),
]);
export type RoomEvent = z.infer<typeof RoomEvent>;

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('base64url');

export function newRoomRecord(code: string, hostTokenHash: string): RoomRecord {
  return { code, hostTokenHash, seats: {}, snippet: null, location: null, poll: null, pastPolls: [], wall: [], last: { wall: 0, snippet: 0, poll: 0 }, ended: false };
}

/**
 * The one reducer: the live room and every store's `load` both go through it, so what a
 * restart rebuilds is what the room had. Mutates `room` (it is called per event, hot enough).
 */
export function applyRoomEvent(room: RoomRecord, event: RoomEvent): RoomRecord {
  switch (event.type) {
    case 'created':
      return newRoomRecord(event.code, event.hostTokenHash);
    case 'seat':
      room.seats[event.seat.id] = event.seat;
      break;
    case 'seat-freed':
      delete room.seats[event.id];
      break;
    case 'snippet':
      room.snippet = event.snippet;
      room.last.snippet = Math.max(room.last.snippet, event.snippet.id);
      break;
    case 'follow':
      room.location = event.location;
      break;
    case 'poll-open':
      // A new poll ends the one before it: kept closed, with its votes.
      if (room.poll) room.pastPolls.push({ ...room.poll, open: false });
      if (room.pastPolls.length > keptPastPolls) room.pastPolls.splice(0, room.pastPolls.length - keptPastPolls);
      room.poll = { id: event.id, question: event.question, options: event.options, open: true, votes: {}, hidden: event.hidden ?? false, correct: event.correct ?? null, revealed: false };
      room.last.poll++;
      break;
    case 'poll-close':
      if (room.poll) room.poll.open = false;
      break;
    case 'poll-reveal':
      if (room.poll) Object.assign(room.poll, { open: false, revealed: true });
      break;
    case 'vote':
      if (room.poll) room.poll.votes[event.seat] = event.option;
      break;
    case 'wall':
      room.wall.push(event.message);
      if (room.wall.length > event.keep) room.wall.splice(0, room.wall.length - event.keep);
      room.last.wall = Math.max(room.last.wall, event.message.id);
      break;
    case 'wall-removed':
      room.wall = room.wall.filter((message) => message.id !== event.id);
      break;
    case 'ended':
      room.ended = true;
      break;
  }
  return room;
}
