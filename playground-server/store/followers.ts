import type { ChatFollower } from './types.ts';

/** Who follows which chat room on this instance; what a store calls when a line is appended. */
export class Followers {
  readonly #rooms = new Map<string, Set<ChatFollower>>();

  add(room: string, follower: ChatFollower): () => void {
    let set = this.#rooms.get(room);
    if (!set) this.#rooms.set(room, (set = new Set()));
    set.add(follower);
    return () => {
      set.delete(follower);
      if (set.size === 0 && this.#rooms.get(room) === set) this.#rooms.delete(room);
    };
  }

  rooms(): IterableIterator<string> {
    return this.#rooms.keys();
  }

  line(room: string, frame: string, seq: number): void {
    for (const follower of this.#rooms.get(room) ?? []) follower.line(frame, seq);
  }

  reset(room: string): void {
    for (const follower of this.#rooms.get(room) ?? []) follower.reset();
  }
}
