import { randomInt } from 'node:crypto';
import { codeAlphabet } from '../../protocol/workshop.ts';
import type { WorkshopStore } from '../store/types.ts';
import type { WorkshopLimits } from './limits.ts';
import { applyRoomEvent, hashSecret, newRoomRecord, type RoomEvent, type RoomRecord } from './record.ts';
import { Room, newSecret } from './room.ts';

/**
 * The rooms of one server. Each room's decisions are kept in the state store, so the rooms
 * loaded back at start-up are the rooms a stopped (or crashed) server had.
 */
export class RoomRegistry {
  readonly #rooms = new Map<string, Room>();
  readonly #limits: WorkshopLimits;
  readonly #store: WorkshopStore;
  readonly #keep = (code: string, event: RoomEvent) => this.#store.append(code, event);

  constructor(limits: WorkshopLimits, store: WorkshopStore, kept: readonly RoomRecord[]) {
    this.#limits = limits;
    this.#store = store;
    for (const record of kept) this.#rooms.set(record.code, new Room(record, limits, this.#keep));
    store.onLost((code) => {
      const room = this.#rooms.get(code);
      this.#rooms.delete(code);
      room?.stepDown();
    });
  }

  /** The room with this code, ended or not (an ended room is forgotten when its place is needed). */
  get(code: string): Room | undefined {
    return this.#rooms.get(code);
  }

  /** A room taken over from an instance that stopped (its record rebuilt from the shared log). */
  adopt(record: RoomRecord): Room {
    let room = this.#rooms.get(record.code);
    if (!room) this.#rooms.set(record.code, (room = new Room(record, this.#limits, this.#keep)));
    return room;
  }

  /**
   * A new room with a fresh code and host token, or null when the server has its maximum.
   * The code is reserved in the store first: with several instances, another may hold it.
   */
  async create(): Promise<{ room: Room; hostToken: string } | null> {
    this.#forgetIdle();
    if (this.#rooms.size >= this.#limits.maxRooms) return null;
    let code: string;
    do code = Array.from({ length: 6 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');
    while (this.#rooms.has(code) || !(await this.#store.reserve(code)));
    // Another connection may have created a room while the store answered.
    if (this.#rooms.size >= this.#limits.maxRooms) {
      this.#store.remove(code);
      return null;
    }
    const hostToken = newSecret();
    const created: RoomEvent = { type: 'created', code, hostTokenHash: hashSecret(hostToken) };
    this.#store.append(code, created);
    const room = new Room(applyRoomEvent(newRoomRecord(code, ''), created), this.#limits, this.#keep);
    this.#rooms.set(code, room);
    return { room, hostToken };
  }

  /** The server is stopping: timers stop, the rooms stay in the store. */
  suspend(): void {
    for (const room of this.#rooms.values()) room.suspend();
  }

  /** Ended rooms, and rooms nobody has been connected to for a long while, free their place. */
  #forgetIdle(): void {
    const cutoff = Date.now() - this.#limits.idleRoomMinutes * 60_000;
    for (const [code, room] of this.#rooms) {
      const emptySince = room.emptySince;
      if (room.ended || (emptySince !== null && emptySince < cutoff)) {
        this.#rooms.delete(code);
        this.#store.remove(code);
      }
    }
  }
}
