/** One message relayed through a room, as it arrived (text or binary). */
export interface RoomMessage {
  data: Buffer | string;
  isBinary: boolean;
}

/**
 * Who is in which room, and how a message reaches them. Endpoint code only talks to this
 * interface: the default keeps rooms in this process's memory; a pub/sub backplane (e.g.
 * Redis) can implement the same four methods to share rooms between server instances,
 * publishing to the other instances and delivering to its own members locally.
 */
export interface Rooms<Member> {
  join(room: string, member: Member): void;
  leave(room: string, member: Member): void;
  /** Members connected to this instance. */
  members(room: string): ReadonlySet<Member>;
  /** Delivers to every member of the room, except `except` (the sender, for a relay). */
  publish(room: string, message: RoomMessage, except?: Member): void;
}

const none: ReadonlySet<never> = new Set();

/**
 * In-memory rooms. `deliver` gets the whole member set and the message once, so it can do
 * the per-message work (encoding, framing) once for everybody.
 */
export function memoryRooms<Member>(deliver: (members: ReadonlySet<Member>, message: RoomMessage, except?: Member) => void): Rooms<Member> {
  const rooms = new Map<string, Set<Member>>();
  return {
    join(room, member) {
      let members = rooms.get(room);
      if (!members) rooms.set(room, (members = new Set()));
      members.add(member);
    },
    leave(room, member) {
      const members = rooms.get(room);
      if (!members) return;
      members.delete(member);
      if (members.size === 0) rooms.delete(room); // empty rooms cost nothing
    },
    members: (room) => rooms.get(room) ?? none,
    publish(room, message, except) {
      const members = rooms.get(room);
      if (members) deliver(members, message, except);
    },
  };
}
