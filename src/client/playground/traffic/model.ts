import type { InspectEvent, Opcode } from '../../../../protocol/inspect.ts';
import { frameWireLength } from '../../../../protocol/frame-size.ts';
import type { RunEvent } from '../runner/run-protocol.ts';
import { allDirections, clientDirection, serverDirection, type Direction } from './direction.ts';

/**
 * The traffic of a run as data: events in (the client's view from the run worker, the server's
 * view from /ws/inspect), frames out, each placed in a lane (socket × direction) with its send
 * and receive times. Pure and DOM-free so it can be unit-tested and fed hundreds of events a second.
 */

export type { Opcode };

export interface Frame {
  id: number;
  socket: number;
  direction: Direction;
  opcode: Opcode;
  payloadBytes: number;
  /** Bytes on the wire: measured by the server when it saw the frame, else computed. */
  wireBytes: number;
  measured: boolean;
  preview: string;
  /** The whole payload (text, or hex for binary), when the client saw it. */
  payload?: string;
  /** When the browser sent or received it (page clock, ms since the epoch). */
  clientAt?: number;
  /** When the server received or sent it (server clock). */
  serverAt?: number;
  /** Sent while the socket was not open: it waited in the queue. */
  queued?: boolean;
  /** The queue was full: this frame never left the browser. */
  lost?: boolean;
  /** On a close frame. */
  code?: number;
  reason?: string;
  /** Crossed a frame going the other way on the same socket (see #checkOverlap). */
  overlaps: boolean;
}

export interface SocketLane {
  socket: number;
  url: string;
  /** Connections the server saw for this socket (1 + reconnects). */
  serverConnections: number;
}

export interface TrafficChanges {
  added: Frame[];
  updated: Frame[];
}

export interface TrafficFilter {
  directions: ReadonlySet<Direction>;
  opcodes: ReadonlySet<Opcode>;
}

export const allOpcodes: readonly Opcode[] = ['text', 'binary', 'ping', 'pong', 'close'];

export function matchesFilter(frame: Frame, filter: TrafficFilter): boolean {
  return filter.directions.has(frame.direction) && filter.opcodes.has(frame.opcode);
}

/** A preview as both sides can agree on it: no ellipsis, and hex without spacing or case. */
function previewKey(preview: string, binary: boolean): string {
  const cut = preview.replace(/\s*…$/, '');
  return binary ? cut.replace(/\s+/g, '').toLowerCase() : cut;
}

/** A frame one side reported and the other has not yet, with what identifies it. */
interface Pending {
  frame: Frame;
  key: string;
}

/** Two previews of the same payload agree on their common prefix (a cut one is a prefix of the whole). */
const sameKey = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/** How far back matching and overlap look: both are about the last moments, not the whole run. */
const pendingLimit = 256;
const searchDepth = 64;
const overlapDepth = 32;

interface SocketBook {
  lane: SocketLane;
  /** Data frames one side reported and the other has not yet, per direction. */
  clientOnly: Record<Direction, Pending[]>;
  serverOnly: Record<Direction, Pending[]>;
  recent: Record<Direction, Frame[]>;
}

export interface TrafficModelOptions {
  /** Frames kept; older ones are cleared and counted. */
  maxFrames?: number;
}

export class TrafficModel {
  readonly maxFrames: number;
  frames: Frame[] = [];
  /** Frames dropped from the front of the history since the last clear. */
  cleared = 0;
  #nextId = 1;
  #books = new Map<number, SocketBook>();
  // Sets: at hundreds of frames a second, "is it already listed?" must not be a scan.
  #added = new Set<Frame>();
  #updated = new Set<Frame>();
  /** Smallest (server − client) time seen on up frames and (client − server) on down frames. */
  #minUp = Number.POSITIVE_INFINITY;
  #minDown = Number.POSITIVE_INFINITY;

  constructor(options: TrafficModelOptions = {}) {
    this.maxFrames = options.maxFrames ?? 2000;
  }

  get lanes(): SocketLane[] {
    return [...this.#books.values()].map((book) => book.lane);
  }

  /**
   * Server clock minus page clock. A frame going up shows flight + offset, one coming down
   * flight − offset. On one machine or a LAN with synced clocks both stay ≥ 0 and we trust the
   * clocks as they are (a latency fault makes one direction slow, which must not read as skew);
   * a negative flight proves the clocks differ, and then the NTP-style midpoint corrects it.
   */
  get clockOffset(): number {
    if (!Number.isFinite(this.#minUp) || !Number.isFinite(this.#minDown)) return 0;
    if (this.#minUp >= 0 && this.#minDown >= 0) return 0;
    return (this.#minUp - this.#minDown) / 2;
  }

  /** When the frame left and arrived, on the page clock; a frame one side never saw is a point. */
  span(frame: Frame): { start: number; end: number } {
    const server = frame.serverAt === undefined ? undefined : frame.serverAt - this.clockOffset;
    const [from, to] = frame.direction === 'up' ? [frame.clientAt, server] : [server, frame.clientAt];
    const start = from ?? to ?? 0;
    return { start, end: Math.max(start, to ?? start) };
  }

  add(event: RunEvent): void {
    if (event.type === 'socket') {
      const book = this.#book(event.socket);
      if (event.event === 'connecting') book.lane.url = event.url;
      if (event.event === 'send' || event.event === 'message') {
        this.#fromClient(book, clientDirection[event.event], {
          opcode: event.binary ? 'binary' : 'text',
          payloadBytes: event.payloadBytes,
          preview: event.preview,
          ...(event.payload !== undefined ? { payload: event.payload } : {}),
          at: event.at,
          ...(event.event === 'send' && event.queued ? { queued: true } : {}),
          ...(event.event === 'send' && event.dropped ? { lost: true } : {}),
        });
      }
    } else if (event.type === 'inspect') {
      this.#fromServer(this.#book(event.socket), event.event);
    }
  }

  /** What changed since the last call: the view renders in batches, not per event. */
  takeChanges(): TrafficChanges {
    const added = [...this.#added];
    const updated = [...this.#updated].filter((frame) => !this.#added.has(frame));
    this.#added.clear();
    this.#updated.clear();
    return { added, updated };
  }

  clear(): void {
    this.frames = [];
    this.cleared = 0;
    this.#added.clear();
    this.#updated.clear();
    for (const book of this.#books.values()) {
      for (const d of allDirections) {
        book.clientOnly[d] = [];
        book.serverOnly[d] = [];
        book.recent[d] = [];
      }
    }
  }

  /** A new run: no frames, no sockets, no clock estimate. */
  reset(): void {
    this.clear();
    this.#books.clear();
    this.#minUp = Number.POSITIVE_INFINITY;
    this.#minDown = Number.POSITIVE_INFINITY;
  }

  /** The log as plain data, for "Export JSON". */
  toJSON() {
    return {
      format: 'duplex-traffic/1',
      clockOffsetMs: this.clockOffset,
      clearedOlderFrames: this.cleared,
      sockets: this.lanes,
      frames: this.frames.map((frame) => ({ ...frame, ...this.span(frame) })),
    };
  }

  #book(socket: number): SocketBook {
    let book = this.#books.get(socket);
    if (!book) {
      book = {
        lane: { socket, url: '', serverConnections: 0 },
        clientOnly: { up: [], down: [] },
        serverOnly: { up: [], down: [] },
        recent: { up: [], down: [] },
      };
      this.#books.set(socket, book);
    }
    return book;
  }

  #fromClient(
    book: SocketBook,
    direction: Direction,
    seen: { opcode: Opcode; payloadBytes: number; preview: string; payload?: string; at: number; queued?: true; lost?: true },
  ): void {
    const { at, ...rest } = seen;
    const key = previewKey(seen.preview, seen.opcode === 'binary');
    const match = this.#takeMatch(book.serverOnly[direction], (other) => other.frame.payloadBytes === seen.payloadBytes && sameKey(key, other.key));
    if (match) {
      const { preview: _serverPreview, ...clientSide } = rest;
      Object.assign(match, clientSide, { preview: seen.preview, clientAt: at });
      this.#matched(book, match);
      return;
    }
    const frame = this.#newFrame(book, direction, { ...rest, clientAt: at, wireBytes: frameWireLength(seen.payloadBytes, direction === 'up'), measured: false });
    if (!seen.lost) this.#pend(book.clientOnly[direction], { frame, key });
  }

  #fromServer(book: SocketBook, event: InspectEvent): void {
    if (event.type === 'handshake') book.lane.serverConnections++;
    if (event.type !== 'frame') return;
    const direction = serverDirection[event.direction];
    const serverSide = {
      wireBytes: event.wireBytes,
      measured: true,
      serverAt: event.at,
      ...(event.code !== undefined ? { code: event.code } : {}),
      ...(event.reason !== undefined ? { reason: event.reason } : {}),
    };
    const isData = event.opcode === 'text' || event.opcode === 'binary';
    const key = previewKey(event.preview, event.opcode === 'binary');
    const match = isData
      ? this.#takeMatch(book.clientOnly[direction], (other) => other.frame.opcode === event.opcode && other.frame.payloadBytes === event.payloadBytes && sameKey(other.key, key))
      : undefined;
    if (match) {
      Object.assign(match, serverSide);
      this.#matched(book, match);
      return;
    }
    const frame = this.#newFrame(book, direction, { opcode: event.opcode, payloadBytes: event.payloadBytes, preview: event.preview, ...serverSide });
    if (isData) this.#pend(book.serverOnly[direction], { frame, key });
  }

  #newFrame(book: SocketBook, direction: Direction, fields: Omit<Frame, 'id' | 'socket' | 'direction' | 'overlaps'>): Frame {
    const frame: Frame = { id: this.#nextId++, socket: book.lane.socket, direction, overlaps: false, ...fields };
    this.frames.push(frame);
    this.#added.add(frame);
    this.#trim();
    return frame;
  }

  /** Both sides have now seen the frame: its flight time is known. */
  #matched(book: SocketBook, frame: Frame): void {
    this.#updated.add(frame);
    if (frame.clientAt !== undefined && frame.serverAt !== undefined && !frame.queued) {
      if (frame.direction === 'up') this.#minUp = Math.min(this.#minUp, frame.serverAt - frame.clientAt);
      else this.#minDown = Math.min(this.#minDown, frame.clientAt - frame.serverAt);
    }
    this.#checkOverlap(book, frame);
  }

  /**
   * Marks this frame and every frame going the other way that it crossed on the wire. An up
   * frame U and a down frame D crossed when the browser sent U before it received D *and* the
   * server sent D before it received U: each comparison is on one clock, so no clock sync is
   * needed, and a reply (sent after its request arrived) never counts as crossing its request.
   * Both sides must have seen the frame; a queued send waited in the browser, not on the wire.
   */
  #checkOverlap(book: SocketBook, frame: Frame): void {
    if (frame.queued || frame.clientAt === undefined || frame.serverAt === undefined) return;
    const recent = book.recent[frame.direction];
    recent.push(frame);
    if (recent.length > overlapDepth) recent.shift();
    for (const other of book.recent[frame.direction === 'up' ? 'down' : 'up']) {
      const [up, down] = frame.direction === 'up' ? [frame, other] : [other, frame];
      const crossed = (up.clientAt ?? Infinity) < (down.clientAt ?? -Infinity) && (down.serverAt ?? Infinity) < (up.serverAt ?? -Infinity);
      if (!crossed) continue;
      frame.overlaps = true;
      if (!other.overlaps) {
        other.overlaps = true;
        if (!this.#added.has(other)) this.#updated.add(other);
      }
    }
  }

  #takeMatch(pending: Pending[], same: (other: Pending) => boolean): Frame | undefined {
    const limit = Math.min(pending.length, searchDepth);
    for (let i = 0; i < limit; i++) {
      const other = pending[i];
      if (other && same(other)) {
        pending.splice(i, 1);
        return other.frame;
      }
    }
    return undefined;
  }

  #pend(pending: Pending[], entry: Pending): void {
    pending.push(entry);
    if (pending.length > pendingLimit) pending.shift();
  }

  /** Bounded history, so a run at hundreds of frames a second cannot grow memory forever. */
  #trim(): void {
    const excess = this.frames.length - this.maxFrames;
    if (excess <= 0) return;
    this.frames.splice(0, excess);
    this.cleared += excess;
  }
}
