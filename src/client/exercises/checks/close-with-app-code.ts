import { type Check, notYet, pass } from './types.ts';
import { closes, received } from './events.ts';

const isApplicationCode = (code: number) => code >= 4000 && code <= 4999;

/**
 * Lesson 6: end a conversation on purpose. Passes when a socket that received a message was
 * closed cleanly with a code from the private range 4000–4999 and a reason.
 */
export const closeWithAppCode: Check = (events) => {
  const all = closes(events);
  if (all.length === 0) return notYet('no socket has closed yet.');
  // `by` is absent only in old recordings; a close the server or the network made is not the learner's.
  const own = all.filter((close) => close.by === undefined || close.by === 'client');
  if (own.length === 0) return notYet(`the ${all.at(-1)!.by} closed the socket, not your code: call socket.close(code, reason) yourself.`);
  const good = own.find((close) => isApplicationCode(close.code) && close.wasClean && close.reason.trim() !== '');
  if (!good) {
    const last = own.at(-1)!;
    if (!isApplicationCode(last.code)) return notYet(`the socket closed with ${last.code}; use a code from 4000 to 4999.`);
    if (last.reason.trim() === '') return notYet(`code ${last.code} is right; add a reason so the other side knows why.`);
    return notYet(`the close with ${last.code} was not clean: the closing handshake did not complete.`);
  }
  // Not compared by time: partysocket runs the learner's onmessage (which closes) before the
  // helper reports the message, so the close is reported first even when it came second.
  const heard = received(events).some((message) => message.socket === good.socket);
  if (!heard) return notYet('close after the first echo has arrived, not before.');
  return pass(`closed cleanly with ${good.code} "${good.reason}".`);
};
