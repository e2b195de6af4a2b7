import * as z from 'zod/mini';

/** Room names in `/ws/room/<name>` and `/ws/chat/<room>`: short and URL-safe, so no escaping surprises. */
export const RoomName = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'room name must be 1–64 letters, digits, "-" or "_"'));
