import { z } from 'zod';

/**
 * Bounds of the lab tunnel (`/ws/lab`, `/lab/<id>`). The learner's code is a server anyone on
 * the LAN could reach by id, so each lab gets a small, fixed share of the machine. Each is a
 * setting of the server's Config (flag `--lab-connections`, env `LAB_CONNECTIONS`, …).
 */
const whole = (min: number, max: number) =>
  z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

export const LabLimitsSchema = z
  .object({
    connections: whole(1, 1000).default(8).describe('TCP connections open at once to one lab; more are refused with 503'),
    bytesPerSecond: whole(1024, 1024 * 1024 * 1024)
      .default(4 * 1024 * 1024)
      .describe('bytes per second one lab connection may carry in each direction; more ends it (rate_limit)'),
    bufferBytes: whole(1024, 1024 * 1024 * 1024)
      .default(1024 * 1024)
      .describe('bytes queued towards one lab connection before it is ended (buffer_full)'),
    idleMs: whole(100, 3_600_000).default(120_000).describe('ms without a byte either way before a lab connection is ended (idle)'),
    perOrigin: whole(1, 100_000).default(200).describe('labs open at once from pages of one origin; more are refused with 429'),
    ownerMessagesPerSecond: whole(1, 10_000_000)
      .default(10_000)
      .describe('frames per second a lab owner may send (its --rate-limit); more closes it with 1008'),
  })
  .strict();

export type LabLimitsConfig = z.infer<typeof LabLimitsSchema>;
