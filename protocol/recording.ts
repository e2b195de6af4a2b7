import * as z from 'zod/mini';
import { Opcode } from './inspect.ts';

/**
 * A recorded run, as a file: what the traffic view showed (both lanes, the server's view with
 * its control frames, faults, timings), the run's output and its code. Learners export and
 * import it; a workshop attendee shares one with the host. It is read back from a file or from
 * another person's browser, so every field is bounded and the whole is validated on the way in.
 *
 * Versioned: `format` names the file kind and `version` its schema. A reader refuses a version
 * it does not know rather than guessing. Documented in PROTOCOL.md ("Recordings").
 */
export const recordingFormat = 'duplex-recording';
export const recordingVersion = 1;

/** Bounds of every list and text, so a file from anywhere costs a bounded amount to read and draw. */
export const recordingLimits = {
  frames: 2000,
  sockets: 64,
  faults: 256,
  output: 500,
  preview: 400,
  payload: 65_536,
  text: 4000,
  code: 65_536,
  url: 2048,
} as const;

const count = z.number().check(z.int(), z.minimum(0));
const time = z.number().check(z.refine(Number.isFinite, 'must be a finite number of milliseconds'));
const bounded = (max: number) => z.string().check(z.maxLength(max));

export const RecordedFrame = z.object({
  socket: count,
  direction: z.enum(['up', 'down']),
  opcode: Opcode,
  payloadBytes: count,
  wireBytes: count,
  /** Bytes on the wire measured by the server (true) or computed from the payload (false). */
  measured: z.boolean(),
  preview: bounded(recordingLimits.preview),
  payload: z.optional(bounded(recordingLimits.payload)),
  /** Page clock, ms since the epoch: when the browser sent or received it. */
  clientAt: z.optional(time),
  /** Server clock: when the server received or sent it. */
  serverAt: z.optional(time),
  queued: z.optional(z.boolean()),
  lost: z.optional(z.boolean()),
  code: z.optional(count),
  reason: z.optional(bounded(123)),
  overlaps: z.boolean(),
});
export type RecordedFrame = z.infer<typeof RecordedFrame>;

export const RecordedSocket = z.object({ socket: count, url: bounded(recordingLimits.url), serverConnections: count });
export type RecordedSocket = z.infer<typeof RecordedSocket>;

/** A fault the server confirmed (drop, outage, blackhole, latency), on the server clock. */
export const RecordedFault = z.object({
  socket: count,
  at: time,
  fault: z.enum(['drop', 'outage', 'blackhole', 'latency']),
  seconds: z.optional(z.number()),
  ms: z.optional(z.number()),
});
export type RecordedFault = z.infer<typeof RecordedFault>;

/** A line of the run's output panel: console output, or why the run failed. */
export const RecordedOutput = z.object({ at: time, level: z.enum(['log', 'info', 'warn', 'error', 'failed']), text: bounded(recordingLimits.text) });
export type RecordedOutput = z.infer<typeof RecordedOutput>;

export const Recording = z.object({
  format: z.literal(recordingFormat),
  version: z.literal(recordingVersion),
  recordedAt: bounded(40),
  code: bounded(recordingLimits.code),
  language: z.enum(['javascript', 'typescript']),
  /** Page clock when the run started: the replay's time 0. */
  startedAt: time,
  /** Server clock minus page clock, as the model estimated it (see TrafficModel.clockOffset). */
  clockOffsetMs: time,
  /** Frames the live view had already dropped from the front before the recording was taken. */
  clearedOlderFrames: count,
  sockets: z.array(RecordedSocket).check(z.maxLength(recordingLimits.sockets)),
  /** In the order the traffic view listed them. */
  frames: z.array(RecordedFrame).check(z.maxLength(recordingLimits.frames)),
  faults: z.array(RecordedFault).check(z.maxLength(recordingLimits.faults)),
  output: z.array(RecordedOutput).check(z.maxLength(recordingLimits.output)),
});
export type Recording = z.infer<typeof Recording>;

export type RecordingRead = { ok: true; recording: Recording } | { ok: false; message: string };

/** Where a problem is, in words: "frames[3].direction". */
const where = (path: readonly PropertyKey[]) => path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');

/**
 * Checks a value read from a file or a socket. The message says which of three things is wrong:
 * not a recording at all, a recording of a version this reader does not know, or a damaged one.
 */
export function readRecording(value: unknown): RecordingRead {
  const head = typeof value === 'object' && value !== null ? (value as { format?: unknown; version?: unknown }) : {};
  if (head.format !== recordingFormat) return { ok: false, message: `This is not a Duplex recording (expected "format": "${recordingFormat}").` };
  if (head.version !== recordingVersion) {
    return { ok: false, message: `This recording has version ${JSON.stringify(head.version)}; this page reads version ${recordingVersion}.` };
  }
  const parsed = Recording.safeParse(value);
  if (parsed.success) return { ok: true, recording: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `This recording is damaged: ${issue ? `${where(issue.path) || 'the file'}: ${issue.message}` : 'it does not match the schema'}.` };
}

/** Reads a recording file's text (JSON). */
export function parseRecording(text: string): RecordingRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not JSON, so it is not a Duplex recording.' };
  }
  return readRecording(value);
}
