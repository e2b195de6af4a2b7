import type { ChatLine, ChatMember } from '../../protocol/chat.ts';
import type { RoomMessage, Rooms } from '../rooms.ts';
import type { EventFeed } from '../feed.ts';
import type { RoomEvent, RoomRecord } from '../workshop/record.ts';
import type { RelayMessage } from '../workshop/relay-message.ts';

export type { ChatLine };

/** What a (re)connecting chat client is told about a room's log. */
export interface ChatHistory {
  /**
   * Names this run of the room's log. It changes when the store lost the log (a memory store
   * restarted, a Redis without persistence restarted): a client holding a seq of another epoch
   * must start over, because that seq now names other messages (Centrifugo's model).
   */
  epoch: string;
  latestSeq: number;
  /** The kept lines after the asked seq, oldest first (none when no seq was asked). */
  lines: ChatLine[];
  /** Some lines after the asked seq are no longer kept. */
  truncated: boolean;
}

/**
 * Every chat room's numbered log. `seq` grows by one per line, per room, and is never reused
 * within an epoch; the newest `limit` lines of a room are kept for `?since=` replay.
 */
export interface ChatLogs {
  append(room: string, from: ChatLine['from'], text: string): Promise<ChatLine>;
  /** `after` null: only the epoch and newest seq. */
  read(room: string, after: number | null): Promise<ChatHistory>;
  /**
   * Every new line of the room, in seq order, as its JSON frame (whichever instance appended
   * it), until the returned function is called. `reset`: the store lost the room's log (a new
   * epoch); lines seen so far are gone and seqs start over.
   */
  follow(room: string, follower: ChatFollower): () => void;
  /** Nobody on this instance is in the room: a store that only has memory may forget it later. */
  idle(room: string): void;
}

export interface ChatFollower {
  line(frame: string, seq: number): void;
  reset(): void;
}

/**
 * Workshop rooms as a snapshot plus an append log of events: the room's own logic decides,
 * the store only records what was decided, and `load` rebuilds every room with the same
 * reducer (`applyRoomEvent`). New room fields are new events, not a new store.
 */
export interface WorkshopStore {
  /** Every kept room as its events left it. */
  load(): Promise<RoomRecord[]>;
  /**
   * Takes a new room code for this instance if no instance sharing the store has a room under
   * it (false: pick another). Atomic in the store, so two instances never hand out one code.
   */
  reserve(code: string): Promise<boolean>;
  /** Records one event of a room; the first of a room is `created`. */
  append(code: string, event: RoomEvent): void;
  /** Forgets a room (ended, or idle for too long). */
  remove(code: string): void;
  /**
   * `handler` runs when another instance took over a room this one serves (this one stalled
   * past its lease): its writes are refused from then on, and it must stop serving the room.
   */
  onLost(handler: (code: string) => void): void;
}

/** Where a workshop room lives now, as `WorkshopRelay.locate` finds it. */
export type RoomLocation =
  /** Nobody serves it and it is not kept: no such room. */
  | { at: 'nowhere' }
  /** Another live instance serves it: relay the connection there. */
  | { at: 'instance'; instance: string }
  /** Its instance is gone and this one took it over: the room as its events left it. */
  | { at: 'here'; record: RoomRecord };

/**
 * Several instances serving one set of workshop rooms. A room has one owner at a time, which
 * runs its rules; a socket that lands on another instance is relayed to the owner message by
 * message, in order (one publisher, one subscriber: Redis pub/sub keeps their order). What is
 * relayed may be lost in an outage, so both ends close such sockets then and the client's
 * reconnect gets the whole room state again in its welcome.
 */
export interface WorkshopRelay {
  /** This instance's name: where relay messages for it are addressed. */
  readonly self: string;
  locate(code: string): Promise<RoomLocation>;
  /** Every relay message addressed to this instance. */
  listen(handler: (message: RelayMessage) => void): void;
  send(to: string, message: RelayMessage): void;
  /** `handler` runs once the instance stops answering (killed, cut off); returns the unwatch. */
  watch(instance: string, handler: () => void): () => void;
  /** `handler` runs whenever the link to the others broke: relayed messages may be lost. */
  onOutage(handler: () => void): void;
  /** This instance is stopping: the others stop relaying to it and may take its rooms over. */
  retire(): Promise<void>;
}

/**
 * Chat members connected to the other instances, for a welcome's member list (join and leave
 * events go through `Rooms`). Best effort: it is presence, not history.
 */
export interface ChatPresence {
  /** A member here joined or renamed. */
  set(room: string, member: ChatMember): void;
  delete(room: string, id: string): void;
  /** The room's members on the other live instances. */
  others(room: string): Promise<ChatMember[]>;
}

/** One state store: what the server keeps beyond a single connection. */
export interface Store {
  /** "memory", "embedded" or "redis", for /healthz and /metrics. */
  readonly kind: string;
  readonly chat: ChatLogs;
  readonly workshop: WorkshopStore;
  /** Null when this instance alone serves its rooms (memory, embedded). */
  readonly relay: WorkshopRelay | null;
  /** Null when every member is on this instance (memory, embedded). */
  readonly presence: ChatPresence | null;
  /** The event feed behind the four transports: this instance's own, or one shared by all. */
  feed(intervalMs: number): Promise<EventFeed>;
  /** Rooms for what may be lost (chat presence): this instance only, or shared by pub/sub. */
  rooms<Member>(name: string, deliver: (members: ReadonlySet<Member>, message: RoomMessage, except?: Member) => void): Rooms<Member>;
  /** False while the store cannot be reached (degraded: this instance serves its own clients). */
  readonly healthy: boolean;
  close(): Promise<void>;
}
