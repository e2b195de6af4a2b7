import type { Duplex } from 'node:stream';

/**
 * Makes one accepted TCP socket go silent both ways without closing it: the blackhole fault
 * (a half-open link, as when a NAT forgets a flow). Nothing more is read from the client, and
 * everything the server writes (messages, pings, a close frame) is accepted and lost, so
 * neither side is told anything. Only a heartbeat can find out; when the server's does, its
 * `terminate()` still destroys the socket as usual. `ws` pauses and resumes the socket for its
 * own backpressure, so resuming is disabled too.
 */
export function silence(socket: Duplex): void {
  socket.pause();
  socket.resume = () => socket;
  socket.write = ((_chunk: unknown, encodingOrCallback?: unknown, callback?: unknown) => {
    const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    if (typeof done === 'function') process.nextTick(done as () => void);
    return true;
  }) as Duplex['write'];
}
