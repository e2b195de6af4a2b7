import { type Check, notYet, pass } from './types.ts';
import { received, socketEvents } from './events.ts';

/**
 * Lesson 10: a message sent while the connection is down waits in the queue and goes out on
 * reconnect. Passes when a socket sent a message after one of its connections had closed and
 * before the next opened (so it was queued), and that message's echo came back afterwards.
 * (A close is the evidence of having been connected: partysocket runs the learner's `onopen`
 * before the helper reports `open`, so the order of reports cannot prove it.)
 */
export const queuedWhileDown: Check = (events) => {
  const all = socketEvents(events);
  const dropped = new Set<number>();
  const queuedWhileClosed = [];
  for (const event of all) {
    if (event.event === 'close') dropped.add(event.socket);
    if (event.event === 'send' && event.queued && dropped.has(event.socket)) queuedWhileClosed.push(event);
  }
  if (queuedWhileClosed.length === 0) {
    return notYet(dropped.size === 0 ? 'no connection has dropped yet: call socket.reconnect() once it is open.' : 'nothing was sent while the socket was down; send right after reconnect() drops it.');
  }
  const delivered = queuedWhileClosed.find((sent) => received(events).some((got) => got.socket === sent.socket && got.at >= sent.at && got.preview === sent.preview));
  if (!delivered) return notYet(`"${queuedWhileClosed[0]!.preview}" is queued; waiting for the socket to reopen and the echo to return.`);
  return pass(`"${delivered.preview}" waited in the queue while the socket was down and was delivered after it reconnected.`);
};
