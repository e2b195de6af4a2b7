import type { LiveSocket } from './live-socket.ts';

/**
 * Ping every open socket each `intervalMs`; one that has not answered the previous ping is
 * dead (a closed laptop lid, a vanished Wi-Fi) and is terminated, so it stops holding memory
 * and presence. One timer for all sockets, not one per socket.
 */
export function startHeartbeat(sockets: ReadonlySet<LiveSocket>, intervalMs: number): () => void {
  const timer = setInterval(() => {
    for (const ws of sockets) {
      if (ws.readyState !== ws.OPEN) continue;
      if (ws.awaitingPong) {
        ws.drop('heartbeat');
        continue;
      }
      ws.awaitingPong = true;
      ws.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
