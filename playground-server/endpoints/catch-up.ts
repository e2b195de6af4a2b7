import { broadcast } from '../broadcast.ts';
import type { LiveSocket } from '../live-socket.ts';

/**
 * A connection that may be catching up on a log (its history read from a store that may be
 * another process): what is sent meanwhile waits in `pending`, then `endCatchUp` flushes it
 * without the log lines the replay already gave, so nothing is missed and nothing comes twice.
 */
export interface CatchingUp {
  ws: LiveSocket;
  pending: { frame: string; seq: number | null }[] | null;
  /**
   * The newest log seq the replay gave. A store's live copy of a line may arrive after the
   * replay read that same line (Redis answers the read before its pub/sub delivers the line):
   * such a line is not sent again.
   */
  replayedUpTo: number;
}

/** Framed once for the peers that are live, queued for those catching up. `seq`: a log line's. */
export function deliver<Peer extends CatchingUp>(peers: Iterable<Peer>, frame: string, seq: number | null, except?: Peer): void {
  const live: LiveSocket[] = [];
  for (const peer of peers) {
    if (peer === except || (seq !== null && seq <= peer.replayedUpTo)) continue;
    if (peer.pending) peer.pending.push({ frame, seq });
    else live.push(peer.ws);
  }
  broadcast(live, frame, false);
}

/** Sends what waited, except log lines up to `replayedUpTo`; from now on the peer gets frames live. */
export function endCatchUp(peer: CatchingUp, replayedUpTo: number): void {
  const pending = peer.pending ?? [];
  peer.pending = null;
  peer.replayedUpTo = replayedUpTo;
  for (const { frame, seq } of pending) if (seq === null || seq > replayedUpTo) peer.ws.send(frame);
}
