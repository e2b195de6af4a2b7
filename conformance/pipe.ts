/**
 * What a case needs from the outside world, and nothing more: a byte pipe to the server and
 * a clock. The Node CLI binds the pipe to a TCP socket (node-pipe.ts); a browser page can
 * bind it to whatever carries bytes to the learner's server. Cases never see the transport.
 */
export interface BytePipe {
  /** Ignored once the pipe is closed: a case may keep writing after the server hung up. */
  write(bytes: Uint8Array): void;
  /** The one listener for incoming bytes, in order. */
  onData(listener: (bytes: Uint8Array) => void): void;
  /** Ends the connection from our side (after the closing handshake, or to give up). */
  close(): void;
  /** Settles when the connection is gone, whoever ended it. */
  readonly closed: Promise<void>;
}

/** Opens a fresh pipe to the target, or rejects with why it could not. */
export type Connect = () => Promise<BytePipe>;

export interface Clock {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Calls `fn` after `ms`; the returned function cancels it. */
  after(ms: number, fn: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

export function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.after(ms, resolve));
}
