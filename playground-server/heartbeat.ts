import type { LiveSocket } from './live-socket.ts';

/**
 * Ping every open socket each `intervalMs`; one that leaves a ping unanswered for two
 * intervals (its endpoint may allow more: `heartbeatGrace`) is dead (a closed laptop lid, a vanished Wi-Fi) and is terminated, so it stops
 * holding memory and presence. Two intervals, not one: a busy event loop may run this timer
 * twice in a row before it reads a pong that already arrived. One timer for all sockets.
 */
export function startHeartbeat(sockets: ReadonlySet<LiveSocket>, intervalMs: number): () => void {
  const timer = setInterval(() => {
    const now = Date.now();
    for (const ws of sockets) {
      if (ws.readyState !== ws.OPEN) continue;
      if (ws.pingSentAt === 0) {
        ws.pingSentAt = now;
        ws.ping();
      } else if (now - ws.pingSentAt >= ws.heartbeatGrace * intervalMs) {
        ws.drop('heartbeat');
      }
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
