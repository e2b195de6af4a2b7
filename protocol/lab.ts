import * as z from 'zod/mini';
import { ErrorMessage } from './errors.ts';

/**
 * The lab tunnel: `WS /ws/lab` makes the page (its worker) the server of `/lab/<id>`.
 * JSON text frames carry control messages; binary frames carry a connection's bytes as
 * `[connection id: u32 big-endian][bytes]`, the same layout in both directions. Raw bytes stay
 * binary (no base64), and a connection id in 4 bytes needs no JSON to find its socket.
 * Shared by the server and the worker; zod/mini because the browser bundles it.
 */

/** 128 random bits, base64url: unguessable, so only the page that opened a lab can share it. */
export const LabId = z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/, 'lab id must be 22 base64url characters'));

/** Bytes at the start of every binary frame: the connection id. */
export const connectionIdBytes = 4;

/** Why a lab connection ended (the `reason` of `closed`). */
export const LabCloseReason = z.enum([
  /** The TCP peer (the browser) closed or reset its side. */
  'client_closed',
  /** The owner sent `end`: remaining bytes were flushed, then FIN. */
  'owner_ended',
  /** More than the lab's bytes per second in one direction. */
  'rate_limit',
  /** Bytes queued towards the browser (unread) passed the lab's buffer bound. */
  'buffer_full',
  /** No byte either way for the lab's idle timeout. */
  'idle',
]);
export type LabCloseReason = z.infer<typeof LabCloseReason>;

export const LabLimits = z.object({
  connections: z.number(),
  bytesPerSecond: z.number(),
  bufferBytes: z.number(),
  idleMs: z.number(),
  /** The largest binary frame the owner may send (the server's max payload, header included). */
  maxFrameBytes: z.number(),
});
export type LabLimits = z.infer<typeof LabLimits>;

/** Server → owner. */
export const LabEvent = z.discriminatedUnion('type', [
  /** First message: the lab exists; browsers reach it at `path`. */
  z.object({ type: z.literal('ready'), id: LabId, path: z.string(), limits: LabLimits }),
  /** A TCP connection arrived; its request head follows as its first binary frame. */
  z.object({ type: z.literal('open'), connection: z.number(), remoteAddress: z.string() }),
  /** The connection is gone; the owner's later bytes for it are refused. */
  z.object({ type: z.literal('closed'), connection: z.number(), reason: LabCloseReason, message: z.string() }),
  /** A connection was turned away before reaching the owner (answered 503 with `message`). */
  z.object({ type: z.literal('refused'), message: z.string() }),
  ErrorMessage,
]);
export type LabEvent = z.infer<typeof LabEvent>;

/** Owner → server (text frames). */
export const LabCommand = z.discriminatedUnion('type', [
  /** Flush what was written, then close the TCP connection (FIN). */
  z.object({ type: z.literal('end'), connection: z.number().check(z.int(), z.minimum(1)) }),
]);
export type LabCommand = z.infer<typeof LabCommand>;

/** One binary frame of the tunnel: which connection, which bytes. */
export function packLabFrame(connection: number, bytes: Uint8Array): Uint8Array {
  const frame = new Uint8Array(connectionIdBytes + bytes.byteLength);
  new DataView(frame.buffer).setUint32(0, connection);
  frame.set(bytes, connectionIdBytes);
  return frame;
}

/** The connection id and bytes of a binary frame, or null if it is too short to name one. */
export function unpackLabFrame(frame: Uint8Array): { connection: number; bytes: Uint8Array } | null {
  if (frame.byteLength < connectionIdBytes) return null;
  const connection = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(0);
  return { connection, bytes: frame.subarray(connectionIdBytes) };
}
