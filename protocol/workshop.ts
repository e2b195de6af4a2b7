import * as z from 'zod/mini';
import { ErrorCode } from './errors.ts';
import { characterCount, hasVisibleText, normaliseName, normalisePost } from './visible-text.ts';
import { Recording } from './recording.ts';

/**
 * `WS /ws/workshop/<code>` — one instructor (the host) and a room of attendees.
 *
 * - `WS /ws/workshop/new` creates a room: the first message is `created` with the join code and
 *   the host token, a secret only the host's browser keeps. That socket is already the host.
 * - `WS /ws/workshop/<code>`: the first message says who you are: `host` (with the token) or
 *   `join` (a display name, and the seat token of an earlier visit to come back as yourself).
 *
 * The server assigns ids, seats, times and vote totals, so nobody can forge them. Every text an
 * attendee sends is shown by the other browsers as text, never as HTML.
 */

/** Join codes: six characters without look-alikes (no 0/O, 1/I/L), easy to read off a projector. */
export const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const codePattern = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/;

/** Upper bounds of the wire format itself; the server's configurable limits are at most these. */
export const wireLimits = {
  nameLength: 40,
  codeLength: 20_000,
  titleLength: 80,
  textLength: 1000,
  question: 200,
  option: 80,
  options: 8,
  slug: 120,
  token: 64,
  exerciseId: 64,
  /** The first line of an error, as the host's grid shows it. */
  errorLine: 160,
  /** Exercises remembered per attendee: the newest ones (a workshop has far fewer). */
  exercises: 32,
} as const;

/** The first line of an error, cut to what the host's grid shows: one rule for the page and the server. */
export function firstErrorLine(text: string): string {
  const line = text.trim().split(/\r?\n/, 1)[0] ?? '';
  return line.length > wireLimits.errorLine ? `${line.slice(0, wireLimits.errorLine - 1)}…` : line;
}

/** Close codes of this endpoint (4000–4999 is the application range of RFC 6455). */
export const WorkshopCloseCode = {
  /** The host token was wrong. */
  notHost: 4403,
  /** No room has this code (never created, or ended and forgotten). */
  noSuchRoom: 4404,
  /** No `host` or `join` message arrived in time. */
  helloTimeout: 4408,
  /** The same seat connected again elsewhere (a second tab); the newest connection wins. */
  replaced: 4409,
  /** The host ended the room. */
  ended: 4410,
  /** This address tried too many wrong room codes; lookups are refused for a while. */
  tooManyGuesses: 4429,
  /** A configured bound was reached: too many rooms, or the room is full. */
  full: 4503,
} as const;

const token = z.string().check(z.minLength(8), z.maxLength(wireLimits.token));
/**
 * A display name: invisible characters removed, spaces collapsed (see visible-text.ts), something
 * visible left, no control characters. Shown as text, so any other character is fine. The page
 * checks a name with this same schema before it connects.
 */
export const DisplayName = z.string().check(
  z.overwrite(normaliseName),
  z.minLength(1, { error: 'enter a name', abort: true }),
  z.refine(hasVisibleText, { error: 'a name needs a visible letter, digit or symbol', abort: true }),
  z.refine((name) => characterCount(name) <= wireLimits.nameLength, `a name has at most ${wireLimits.nameLength} characters`),
  z.regex(/^[^\p{Cc}]*$/u, 'a name cannot contain control characters'),
);
/**
 * A wall post: invisible characters removed, trimmed, something visible left. Its length bound is
 * the room's (WORKSHOP_MESSAGE_LENGTH), checked by the server with its own message; the frame
 * size limit (--max-payload) bounds what can arrive at all.
 */
export const PostText = z.string().check(
  z.overwrite(normalisePost),
  z.minLength(1, { error: 'the message is empty', abort: true }),
  z.refine(hasVisibleText, 'the message is empty'),
);
const count = z.number().check(z.int(), z.gte(0));

/** Where the room is: a lesson (its slug, e.g. "what-is-a-websocket") and a slide (from 1). */
export const Location = z.object({
  lesson: z.string().check(z.minLength(1), z.maxLength(wireLimits.slug), z.regex(/^[a-z0-9][a-z0-9/-]*$/, 'a lesson slug')),
  slide: z.number().check(z.int(), z.gte(1), z.lte(500)),
});
export type Location = z.infer<typeof Location>;

/** An exercise as the attendee's page names it, e.g. "snippet-3". */
export const ExerciseId = z.string().check(z.minLength(1), z.maxLength(wireLimits.exerciseId), z.regex(/^[a-z0-9][a-z0-9_-]*$/, 'an exercise id: lower-case letters, digits, "-" or "_"'));

export const ExerciseState = z.enum(['running', 'error', 'passed']);
export type ExerciseState = z.infer<typeof ExerciseState>;

/** One attendee on one exercise, as the server keeps it: the times are the server's. */
export const ExerciseProgress = z.object({
  exercise: z.string(),
  state: ExerciseState,
  /** First line of the last error (on `error`). */
  error: z.optional(z.string()),
  /** Errors in a row since the last pass: the "stuck" rule counts them. */
  errorsInARow: count,
  /** When the first and the last report arrived. */
  startedAt: z.number(),
  at: z.number(),
});
export type ExerciseProgress = z.infer<typeof ExerciseProgress>;

/** How well an attendee's link works, as the server measures it. */
export const LinkHealth = z.object({
  /** Round trip of the last heartbeat ping (null until one was answered). */
  rttMs: z.nullable(z.number()),
  /** Times this seat came back on a new connection in the last 10 minutes. */
  reconnects: count,
});
export type LinkHealth = z.infer<typeof LinkHealth>;

export const HostHello = z.object({ type: z.literal('host'), token });
export const JoinHello = z.object({ type: z.literal('join'), name: DisplayName, seat: z.optional(token) });

const attendeeCommands = [
  z.object({ type: z.literal('vote'), poll: z.string().check(z.maxLength(32)), option: count }),
  z.object({ type: z.literal('post'), text: PostText }),
  /** The outcome of the attendee's last run in their playground, for the host's overview. */
  z.object({ type: z.literal('run-result'), ok: z.boolean() }),
  /**
   * Where the attendee is on one exercise, for the host's class grid: a run began, failed (with
   * the first line of its error) or passed. Only this status leaves the attendee's browser.
   */
  z.object({
    type: z.literal('progress'),
    exercise: ExerciseId,
    state: ExerciseState,
    error: z.optional(z.string().check(z.maxLength(wireLimits.errorLine))),
  }),
  /**
   * "Share my run": the attendee's last run (code, output, traffic) for the host to replay on
   * the projector. Sent only when the attendee presses the button; bounded by the room's
   * WORKSHOP_SHARE_BYTES (the page fits the recording into it before sending).
   */
  z.object({ type: z.literal('share'), recording: Recording }),
  /** Leaving on purpose: the seat shows as gone at once instead of reconnecting. */
  z.object({ type: z.literal('leave') }),
] as const;
export const AttendeeCommand = z.discriminatedUnion('type', [...attendeeCommands]);
export type AttendeeCommand = z.infer<typeof AttendeeCommand>;

const hostCommands = [
  z.object({
    type: z.literal('push'),
    code: z.string().check(z.minLength(1, 'the snippet is empty'), z.maxLength(wireLimits.codeLength)),
    title: z.optional(z.string().check(z.maxLength(wireLimits.titleLength))),
  }),
  z.object({ type: z.literal('follow'), location: z.nullable(Location) }),
  z.object({
    type: z.literal('poll-open'),
    question: z.string().check(z.trim(), z.minLength(1, 'ask a question'), z.maxLength(wireLimits.question)),
    options: z
      .array(z.string().check(z.trim(), z.minLength(1, 'an option is empty'), z.maxLength(wireLimits.option)))
      .check(z.minLength(2, 'a poll needs at least 2 options'), z.maxLength(wireLimits.options, `a poll has at most ${wireLimits.options} options`)),
    /** Attendees see no totals until the host reveals them (a teaching poll: no herd answers). */
    hidden: z.optional(z.boolean()),
    /** The index of the right option, shown to attendees on reveal. */
    correct: z.optional(count),
  }),
  z.object({ type: z.literal('poll-close') }),
  /** Closes the poll and shows everyone its totals and, if marked, the right answer. */
  z.object({ type: z.literal('poll-reveal') }),
  /** Asks for the current poll's ballots (who chose what), answered with `poll-results`: the CSV export. */
  z.object({ type: z.literal('poll-results') }),
  /** The same for every poll the room still keeps (the current one and up to 19 before it), oldest first: `poll-results-all`. */
  z.object({ type: z.literal('poll-results-all') }),
  /** Asks one attendee to share their run: their page shows the request; sharing stays their choice. */
  z.object({ type: z.literal('ask-share'), attendee: z.string().check(z.maxLength(32)) }),
  z.object({ type: z.literal('wall-remove'), id: count }),
  z.object({ type: z.literal('mute'), attendee: z.string().check(z.maxLength(32)), muted: z.boolean() }),
  z.object({ type: z.literal('end') }),
] as const;
export const HostCommand = z.discriminatedUnion('type', [...hostCommands]);
export type HostCommand = z.infer<typeof HostCommand>;

/**
 * The browser's heartbeat (it cannot send ping frames): the server answers `pong` at once, from
 * any connection, so a page can tell a live link from a half-open one.
 */
export const Ping = z.object({ type: z.literal('ping') });

/** Every message a client may send; the server checks the role before acting on it. */
export const WorkshopClientMessage = z.discriminatedUnion('type', [HostHello, JoinHello, Ping, ...attendeeCommands, ...hostCommands]);
export type WorkshopClientMessage = z.infer<typeof WorkshopClientMessage>;

export const ConnectionState = z.enum(['connected', 'reconnecting', 'gone']);
export type ConnectionState = z.infer<typeof ConnectionState>;

/** One attendee as the host sees them. `id` is public; the seat token never leaves its owner. */
export const Attendee = z.object({
  id: z.string(),
  name: z.string(),
  state: ConnectionState,
  muted: z.boolean(),
  lastRun: z.nullable(z.object({ ok: z.boolean(), at: z.number() })),
  /** The newest exercises first, at most `wireLimits.exercises`. */
  exercises: z.array(ExerciseProgress),
  link: LinkHealth,
});
export type Attendee = z.infer<typeof Attendee>;

export const Snippet = z.object({ id: count, code: z.string(), title: z.string(), at: z.number() });
export type Snippet = z.infer<typeof Snippet>;

/**
 * A poll as one browser sees it. Attendees get `votes: null` and `correct: null` while a hidden
 * poll is not revealed: the totals never reach their browser early, not merely undrawn.
 */
export const Poll = z.object({
  id: z.string(),
  question: z.string(),
  options: z.array(z.object({ text: z.string(), votes: z.nullable(count) })),
  open: z.boolean(),
  voters: count,
  /** Totals hidden from attendees until the host reveals them. */
  hidden: z.boolean(),
  revealed: z.boolean(),
  /** The right option, if the host marked one (to attendees: only once revealed). */
  correct: z.nullable(count),
});
export type Poll = z.infer<typeof Poll>;

export const WallMessage = z.object({ id: count, from: z.object({ id: z.string(), name: z.string() }), text: z.string(), at: z.number() });
export type WallMessage = z.infer<typeof WallMessage>;

/** What a (re)joining browser needs to catch up: everything that is "current" in the room. */
export const RoomState = z.object({
  code: z.string(),
  snippet: z.nullable(Snippet),
  location: z.nullable(Location),
  poll: z.nullable(Poll),
  wall: z.array(WallMessage),
});
export type RoomState = z.infer<typeof RoomState>;

/**
 * Error codes of `{type:"error"}` messages; the connection stays open. Besides the shared ones
 * (`protocol/errors.ts`: bad_json, bad_message, binary_not_supported), the workshop's own rules.
 */
export const WorkshopErrorCode = z.enum([
  ...ErrorCode.options,
  /** A host command from an attendee. */
  'not_host',
  /** A second `host`/`join` on a connection that already has a role. */
  'already_joined',
  /** A vote or close for a poll that is not open. */
  'no_poll',
  'already_voted',
  /** The host muted this attendee on the wall. */
  'muted',
  /** Votes, posts or shares faster than the room allows. */
  'rate_limited',
  /** A shared run bigger than the room's WORKSHOP_SHARE_BYTES. */
  'too_large',
  /** A shared run while no host console is connected: nobody would see it. */
  'no_host',
]);
export type WorkshopErrorCode = z.infer<typeof WorkshopErrorCode>;

/** Who chose what in one poll, by attendee name (the CSV exports). */
const Ballots = z.array(z.object({ attendee: z.string(), option: count }));

/** To the hosts: a run an attendee chose to share, checked against the recording schema. The host tab keeps it (sessionStorage) and reads it back with this same schema. */
export const SharedRun = z.object({ type: z.literal('shared-run'), id: count, from: z.object({ id: z.string(), name: z.string() }), at: z.number(), recording: Recording });
export type SharedRun = z.infer<typeof SharedRun>;

export const WorkshopServerMessage = z.discriminatedUnion('type', [
  /** Only on `/ws/workshop/new`: keep `hostToken` secret, it is what makes you the host. */
  z.object({ type: z.literal('created'), code: z.string(), hostToken: z.string() }),
  z.object({
    type: z.literal('welcome-host'),
    state: RoomState,
    attendees: z.array(Attendee),
    limits: z.object({ maxAttendees: count }),
    /** Origins other devices on the LAN can reach this server at (empty if it listens on localhost only). */
    lanOrigins: z.array(z.string()),
  }),
  z.object({
    type: z.literal('welcome'),
    state: RoomState,
    you: z.object({ id: z.string(), name: z.string(), seat: z.string(), muted: z.boolean() }),
    /** The option this seat chose in the current poll, if it voted. */
    yourVote: z.nullable(count),
    /** The largest `share` message this room accepts, in bytes (the page fits a run into it). */
    limits: z.object({ shareBytes: count }),
  }),
  /** To the host: one attendee's row changed (joined, state, last run, exercise progress, muted). */
  z.object({ type: z.literal('attendee'), attendee: Attendee }),
  /** To the host, every few seconds: the links whose health changed (round trips move with each heartbeat). */
  z.object({ type: z.literal('links'), links: z.array(z.object({ id: z.string(), link: LinkHealth })) }),
  z.object({ type: z.literal('snippet'), snippet: Snippet }),
  z.object({ type: z.literal('follow'), location: z.nullable(Location) }),
  z.object({ type: z.literal('poll'), poll: Poll }),
  z.object({ type: z.literal('voted'), poll: z.string(), option: count }),
  /** To the host who asked: every ballot of the current poll, by attendee name (for the CSV export). */
  z.object({
    type: z.literal('poll-results'),
    poll: Poll,
    ballots: Ballots,
  }),
  /** To the host who asked: every kept poll with its ballots, oldest first (one CSV of the room's polls). */
  z.object({ type: z.literal('poll-results-all'), polls: z.array(z.object({ poll: Poll, ballots: Ballots })) }),
  SharedRun,
  /** To the attendee who shared: the hosts have it. */
  z.object({ type: z.literal('shared'), id: count }),
  /** To one attendee: the host asks to see their run. */
  z.object({ type: z.literal('share-requested') }),
  z.object({ type: z.literal('wall'), message: WallMessage }),
  z.object({ type: z.literal('wall-removed'), id: count }),
  /** To an attendee: the host muted or unmuted you on the wall. */
  z.object({ type: z.literal('muted'), muted: z.boolean() }),
  z.object({ type: z.literal('ended') }),
  /** The answer to a client's `ping`. */
  z.object({ type: z.literal('pong') }),
  z.object({ type: z.literal('error'), code: WorkshopErrorCode, message: z.string() }),
]);
export type WorkshopServerMessage = z.infer<typeof WorkshopServerMessage>;

