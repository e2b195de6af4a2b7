import type { WsEndpoint } from '../endpoints/types.ts';
import { parseJsonMessage } from '../json-message.ts';
import {
  WorkshopCloseCode,
  codePattern,
  WorkshopClientMessage,
  type AttendeeCommand,
  type HostCommand,
} from '../../protocol/workshop.ts';
import type { WorkshopLimits } from './limits.ts';
import { lanOrigins } from './lan.ts';
import { LookupGuard } from './lookup-guard.ts';
import { RoomRegistry } from './registry.ts';
import type { RoomRecord } from './record.ts';
import type { WorkshopRelay, WorkshopStore } from '../store/types.ts';
import type { CommandError, Room, Seat } from './room.ts';
import { RelayEnds, type HeldMessage } from './relay-ends.ts';
import { send, type RoomSocket } from './wire.ts';
import { CloseCode } from '../../protocol/close-codes.ts';

export type WorkshopParams = { create: true } | { create: false; code: string };

/** Words for "only the host can …" answers; its keys are every host command (the compiler checks). */
const hostVerbs: Record<HostCommand['type'], string> = {
  push: 'push snippets',
  follow: 'lead the room to a slide',
  'poll-open': 'open polls',
  'poll-close': 'close polls',
  'poll-reveal': 'reveal poll results',
  'poll-results': 'export poll results',
  'poll-results-all': 'export poll results',
  'ask-share': 'ask attendees to share a run',
  'wall-remove': 'remove wall messages',
  mute: 'mute attendees',
  end: 'end the workshop',
};
const hostTypes: ReadonlySet<string> = new Set(Object.keys(hostVerbs));
const attendeeTypes: ReadonlySet<string> = new Set(['vote', 'post', 'run-result', 'progress', 'share', 'leave'] satisfies AttendeeCommand['type'][]);

/**
 * `WS /ws/workshop/new` (create a room, become its host) and `WS /ws/workshop/<code>` (say
 * `host` with the token, or `join` with a name). One registry of rooms per endpoint instance.
 * With a relay (several instances), a code this instance does not serve is looked up in the
 * shared store: the socket is relayed to the instance that runs the room, or, if that one is
 * gone, this instance takes the room over.
 */
export function createWorkshopEndpoint(
  limits: WorkshopLimits,
  store: WorkshopStore,
  kept: readonly RoomRecord[],
  relay: WorkshopRelay | null = null,
): WsEndpoint<WorkshopParams> & { suspend(): void; retire(): Promise<void> } {
  const rooms = new RoomRegistry(limits, store, kept);
  const guard = new LookupGuard(limits.codeMissesPerMinute);
  const ends = relay && new RelayEnds(relay, (socket, code, lan, address) => new Connection(socket, { rooms, guard, address }, limits, { create: false, code }, lan));
  return {
    suspend: () => rooms.suspend(),
    retire: async () => ends?.retire(),
    name: 'workshop',
    match(url) {
      const found = /^\/ws\/workshop(?:\/([^/]*))?$/.exec(url.pathname);
      if (!found) return null;
      const segment = found[1] ?? '';
      if (segment === 'new') return { params: { create: true } };
      const code = segment.toUpperCase();
      if (!codePattern.test(code)) {
        return { status: 400, reason: `a workshop code is 6 letters and digits, e.g. /ws/workshop/K7QX3M; got "${segment.slice(0, 20)}"` };
      }
      return { params: { create: false, code } };
    },
    open(ws, req, params) {
      const where = { rooms, guard, address: req.socket.remoteAddress ?? '' };
      if (!relay || !ends || params.create || rooms.get(params.code) || !guard.allows(where.address)) {
        return void new Connection(ws, where, limits, params, lanOrigins(req));
      }
      // Looked up in Redis meanwhile: what the client says first (its hello) waits for the room.
      const held: HeldMessage[] = [];
      const hold = (data: Buffer, isBinary: boolean) => holdFrame(ws, held, data, isBinary);
      ws.on('message', hold);
      relay.locate(params.code).then(
        (location) => {
          ws.off('message', hold);
          if (ws.readyState !== ws.OPEN) return;
          if (location.at === 'instance') return ends.bridge(ws, location.instance, params.code, lanOrigins(req), where.address, held);
          if (location.at === 'here') rooms.adopt(location.record);
          new Connection(ws, where, limits, params, lanOrigins(req), held);
        },
        () => ws.close(CloseCode.tryAgainLater, 'cannot reach the shared store to find this room; reconnecting'),
      );
    },
  };
}

/** Where a connection looks its room up, and who is asking (for the guess limit). */
interface Lookup {
  rooms: RoomRegistry;
  guard: LookupGuard;
  address: string;
}

/** What a client may say before its room is ready (looked up, or its code reserved): far more than a page does. */
const maxEarlyFrames = 32;

/** Keeps a frame that came before the room was ready; past `maxEarlyFrames` the socket is closed. */
function holdFrame(ws: RoomSocket, held: HeldMessage[], data: Buffer, isBinary: boolean): void {
  if (held.length >= maxEarlyFrames) return void ws.close(CloseCode.policyViolation, `at most ${maxEarlyFrames} messages before the room is ready`);
  held.push([data, isBinary]);
}

/** One socket's life: who it is (pending, host, attendee) and what it may do. */
class Connection {
  readonly #ws: RoomSocket;
  readonly #limits: WorkshopLimits;
  #room: Room | null = null;
  #role: 'pending' | 'host' | 'attendee' = 'pending';
  #seat: Seat | null = null;
  #helloTimer: NodeJS.Timeout | null = null;
  readonly #lanOrigins: string[];
  /**
   * What the host said while a new room's code was being reserved (a round trip when the store
   * is Redis): a console that pushes the moment its socket opens must not lose that push.
   */
  #early: HeldMessage[] | null = null;

  /** `held`: what the client said while its room was being looked up, handled first. */
  constructor(ws: RoomSocket, where: Lookup, limits: WorkshopLimits, params: WorkshopParams, origins: string[], held: readonly HeldMessage[] = []) {
    this.#ws = ws;
    this.#lanOrigins = origins;
    this.#limits = limits;
    ws.on('message', (data: Buffer, isBinary) => this.#onFrame(data, isBinary));
    ws.on('close', () => {
      if (this.#helloTimer) clearTimeout(this.#helloTimer);
      // A connection that never said who it is was never in the room: it must not count as
      // activity, or anyone who knows a code could keep an abandoned room alive.
      if (this.#role !== 'pending') this.#room?.disconnect(ws, this.#seat);
    });
    ws.on('error', () => undefined); // a broken socket is followed by close; nothing else to do
    if (params.create) void this.#create(where.rooms);
    else this.#enter(where, params.code);
    for (const [data, isBinary] of held) this.#onFrame(data, isBinary);
  }

  #enter({ rooms, guard, address }: Lookup, code: string): void {
    const ws = this.#ws;
    if (!guard.allows(address)) {
      return void ws.close(WorkshopCloseCode.tooManyGuesses, 'too many wrong workshop codes from your address: wait a minute, then check the code');
    }
    const room = rooms.get(code);
    if (!room) {
      guard.missed(address);
      return void ws.close(WorkshopCloseCode.noSuchRoom, `no workshop room ${code}: check the code`);
    }
    if (room.ended) return void ws.close(WorkshopCloseCode.ended, 'this workshop has ended');
    this.#room = room;
    this.#helloTimer = setTimeout(
      () => ws.close(WorkshopCloseCode.helloTimeout, 'send {"type":"join","name":…} or {"type":"host","token":…} first'),
      this.#limits.helloTimeoutSeconds * 1000,
    );
    this.#helloTimer.unref();
  }

  async #create(rooms: RoomRegistry): Promise<void> {
    this.#early = [];
    const created = await rooms.create().catch(() => 'unreachable' as const);
    const early = this.#early;
    this.#early = null;
    if (created === 'unreachable') {
      return void this.#ws.close(CloseCode.tryAgainLater, 'cannot reach the shared store to reserve a room code; try again in a moment');
    }
    if (!created) {
      const reason = `this server already runs ${this.#limits.maxRooms} workshop rooms (WORKSHOP_MAX_ROOMS)`;
      return void this.#ws.close(WorkshopCloseCode.full, reason);
    }
    this.#room = created.room;
    this.#role = 'host';
    send(this.#ws, { type: 'created', code: created.room.code, hostToken: created.hostToken });
    created.room.addHost(this.#ws, this.#lanOrigins);
    for (const [data, isBinary] of early) this.#onFrame(data, isBinary);
  }

  #onFrame(data: Buffer, isBinary: boolean): void {
    if (this.#early) return holdFrame(this.#ws, this.#early, data, isBinary);
    const parsed = parseJsonMessage(WorkshopClientMessage, data, isBinary);
    if (!parsed.ok) return send(this.#ws, parsed.error);
    const room = this.#room;
    if (!room || room.ended) return;
    // Checked on the bytes that arrived: what the attendee's page must fit a run into.
    if (parsed.value.type === 'share' && data.length > this.#limits.shareBytes) {
      return this.#error({ code: 'too_large', message: `a shared run is at most ${this.#limits.shareBytes} bytes (WORKSHOP_SHARE_BYTES); this one has ${data.length}` });
    }
    this.#error(this.#dispatch(room, parsed.value));
  }

  #dispatch(room: Room, message: WorkshopClientMessage): CommandError | null {
    if (message.type === 'ping') {
      send(this.#ws, { type: 'pong' });
      return null;
    }
    if (message.type === 'host' || message.type === 'join') {
      if (this.#role !== 'pending') return { code: 'already_joined', message: `this connection is already the ${this.#role}` };
      this.#hello(room, message);
      return null;
    }
    if (this.#role === 'pending') return { code: 'bad_message', message: 'say who you are first: {"type":"join","name":…} or {"type":"host","token":…}' };
    if (hostTypes.has(message.type)) {
      if (this.#role !== 'host') return { code: 'not_host', message: `only the host can ${hostVerbs[message.type as HostCommand['type']]}` };
      return room.hostCommand(message as HostCommand, this.#ws);
    }
    if (attendeeTypes.has(message.type) && this.#seat) return room.attendeeCommand(this.#seat, message as AttendeeCommand);
    return { code: 'bad_message', message: `the host cannot send "${message.type}"` };
  }

  /** A wrong token or a full room ends the connection: retrying the same hello cannot succeed. */
  #hello(room: Room, message: Extract<WorkshopClientMessage, { type: 'host' | 'join' }>): void {
    if (this.#helloTimer) clearTimeout(this.#helloTimer);
    if (message.type === 'host') {
      if (!room.isHostToken(message.token)) return this.#ws.close(WorkshopCloseCode.notHost, 'wrong host token for this room');
      this.#role = 'host';
      return room.addHost(this.#ws, this.#lanOrigins);
    }
    const seat = room.join(this.#ws, message.name, message.seat);
    if (!seat) return this.#ws.close(WorkshopCloseCode.full, `the room is full (${this.#limits.maxAttendees} attendees)`);
    this.#role = 'attendee';
    this.#seat = seat;
  }

  #error(error: CommandError | null): void {
    if (error) send(this.#ws, { type: 'error', code: error.code, message: error.message });
  }
}
