import { type Check, notYet, pass } from './types.ts';
import { received, socketEvents } from './events.ts';

/**
 * Lesson 10: a message sent while the connection is down waits in the queue and goes out on
 * reconnect. Passes when a socket that had been open sent a message while not open (queued), and
 * that message's echo came back after the socket opened again.
 */
export const queuedWhileDown: Check = (events) => {
  const all = socketEvents(events);
  const wasOpen = new Set<number>();
  const queuedAfterOpen = [];
  for (const event of all) {
    if (event.event === 'open') wasOpen.add(event.socket);
    if (event.event === 'send' && event.queued && wasOpen.has(event.socket)) queuedAfterOpen.push(event);
  }
  if (queuedAfterOpen.length === 0) {
    return notYet(wasOpen.size === 0 ? 'no socket has opened yet.' : 'nothing was sent while the socket was down; send right after reconnect() drops it.');
  }
  const delivered = queuedAfterOpen.find((sent) => {
    const reopened = all.find((event) => event.event === 'open' && event.socket === sent.socket && event.at >= sent.at);
    return reopened && received(events).some((got) => got.socket === sent.socket && got.at >= reopened.at && got.preview === sent.preview);
  });
  if (!delivered) return notYet(`"${queuedAfterOpen[0]!.preview}" is queued; waiting for the socket to reopen and the echo to return.`);
  return pass(`"${delivered.preview}" waited in the queue while the socket was down and was delivered after it reconnected.`);
};
