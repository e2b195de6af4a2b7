import { type Check, notYet, pass } from './types.ts';
import { received, sends } from './events.ts';

const wanted = 3;

/**
 * Lesson 3: full duplex means the client need not wait for an answer before speaking again.
 * Passes when one socket, once open, sent three messages before its first reply arrived, and got
 * three back. Sends made before `open` do not count: with `connect()` they only wait in a queue.
 */
export const sendWithoutWaiting: Check = (events) => {
  const all = sends(events);
  if (all.length === 0) return notYet('no message was sent yet.');
  if (all.some((event) => event.readyState === 0)) {
    return notYet('a message was sent before the socket was open: connect() only queued it (the browser\'s WebSocket would throw). Send from onopen.');
  }
  const socket = all[0]!.socket;
  const sent = all.filter((event) => event.socket === socket);
  const firstReply = received(events).find((event) => event.socket === socket);
  // Before or after is the order the worker reported them in, not their times: a clock coarsened
  // by the browser gives the reply and a send made in its handler the same time.
  const replyIndex = firstReply ? events.indexOf(firstReply) : events.length;
  const sentBeforeReply = sent.filter((event) => events.indexOf(event) < replyIndex).length;
  if (firstReply && sentBeforeReply < wanted) {
    return notYet(`only ${sentBeforeReply} message(s) went out before the first reply came back; send ${wanted} without waiting.`);
  }
  const replies = received(events).filter((event) => event.socket === socket).length;
  if (replies < wanted) return notYet(`${replies} of ${wanted} replies received so far.`);
  return pass(`${sentBeforeReply} messages went out before the first reply, and all ${wanted} came back.`);
};
