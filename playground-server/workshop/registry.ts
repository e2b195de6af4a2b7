import { randomInt } from 'node:crypto';
import { codeAlphabet } from '../../protocol/workshop.ts';
import type { WorkshopLimits } from './limits.ts';
import { Room, newSecret } from './room.ts';

/** The rooms of one server, in memory: a workshop lives as long as the instructor's laptop runs. */
export class RoomRegistry {
  readonly #rooms = new Map<string, Room>();
  readonly #limits: WorkshopLimits;

  constructor(limits: WorkshopLimits) {
    this.#limits = limits;
  }

  /** The room with this code, ended or not (an ended room is forgotten when its place is needed). */
  get(code: string): Room | undefined {
    return this.#rooms.get(code);
  }

  /** A new room with a fresh code and host token, or null when the server has its maximum. */
  create(): { room: Room; hostToken: string } | null {
    this.#forgetIdle();
    if (this.#rooms.size >= this.#limits.maxRooms) return null;
    let code: string;
    do code = Array.from({ length: 6 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');
    while (this.#rooms.has(code));
    const hostToken = newSecret();
    const room = new Room(code, hostToken, this.#limits);
    this.#rooms.set(code, room);
    return { room, hostToken };
  }

  /** Ended rooms, and rooms nobody has been connected to for a long while, free their place. */
  #forgetIdle(): void {
    const cutoff = Date.now() - this.#limits.idleRoomMinutes * 60_000;
    for (const [code, room] of this.#rooms) {
      const emptySince = room.emptySince;
      if (room.ended || (emptySince !== null && emptySince < cutoff)) this.#rooms.delete(code);
    }
  }
}
