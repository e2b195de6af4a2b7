import { z } from 'zod';
import { wireLimits } from '../../protocol/workshop.ts';

/**
 * Bounds of workshop rooms. Defaults suit one laptop teaching a room of people; each is a
 * setting of the server's Config (flag `--workshop-max-rooms`, env `WORKSHOP_MAX_ROOMS`, …).
 * Per-connection bounds (message size, messages per second, send buffer, connections) are the
 * server's own, shared by every endpoint: see config.ts.
 */
const whole = (min: number, max: number) =>
  z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

export const WorkshopLimitsSchema = z
  .object({
    maxRooms: whole(1, 1000).default(20).describe('rooms open at once on this server'),
    maxAttendees: whole(1, 5000).default(500).describe('attendees per room'),
    postsPerMinute: whole(1, 600).default(10).describe('wall messages per attendee per minute'),
    votesPerMinute: whole(1, 600).default(20).describe('votes (attempts) per attendee per minute'),
    messageLength: whole(1, wireLimits.textLength).default(280).describe('characters in a wall message'),
    wallHistory: whole(1, 5000).default(200).describe('wall messages kept (and replayed to a rejoining attendee)'),
    reconnectGraceSeconds: whole(1, 3600).default(60).describe('seconds a dropped attendee shows as reconnecting before gone'),
    idleRoomMinutes: whole(1, 24 * 60).default(240).describe('minutes a room with nobody connected is kept before it is forgotten'),
    helloTimeoutSeconds: whole(1, 120).default(10).describe('seconds a new connection has to say host or join'),
    shareBytes: whole(1024, 16 * 1024 * 1024)
      .default(64 * 1024)
      .describe('largest shared run (a recording) in bytes; bigger ones are refused with too_large (the server never takes a message over --max-payload)'),
    sharesPerMinute: whole(1, 600).default(6).describe('runs one attendee may share a minute'),
    codeMissesPerMinute: whole(1, 10_000)
      .default(30)
      .describe('wrong room codes one address may try a minute; past that its lookups are refused with 4429'),
  })
  .strict();

export type WorkshopLimits = z.infer<typeof WorkshopLimitsSchema>;

export const defaultWorkshopLimits: WorkshopLimits = WorkshopLimitsSchema.parse({});
