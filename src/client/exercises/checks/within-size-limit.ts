import { CloseCode } from '../../../../protocol/close-codes.ts';
import { type Check, notYet, pass } from './types.ts';
import { closes, consoleLines, sends } from './events.ts';

/** The Duplex server's default maxPayload (playground-server/config.ts). */
export const serverMaxPayload = 64 * 1024;
export const documentChars = 200_000;

/**
 * Lesson 12: a server limits message size, and a good client stays under it. Passes when a
 * 200,000-character document went out in messages of at most 64 KiB, no socket was closed with
 * 1009, and the run logged "reassembled 200000" once the echoes were joined.
 */
export const withinSizeLimit: Check = (events) => {
  const tooBig = closes(events).find((close) => close.code === CloseCode.messageTooBig);
  if (tooBig) return notYet(`the server closed the socket with 1009 (message too big): keep each message under ${serverMaxPayload} bytes.`);
  const sent = sends(events);
  const over = sent.find((event) => event.payloadBytes > serverMaxPayload);
  if (over) return notYet(`a ${over.payloadBytes}-byte message is over the server's ${serverMaxPayload}-byte limit.`);
  const total = sent.reduce((sum, event) => sum + event.payloadBytes, 0);
  if (total < documentChars) return notYet(`${total} of ${documentChars} bytes sent so far.`);
  if (!consoleLines(events).some((line) => line.text.startsWith(`reassembled ${documentChars}`))) {
    return notYet(`all sent; log "reassembled ${documentChars}" once the echoed chunks are joined back together.`);
  }
  return pass(`${sent.length} messages, none over ${serverMaxPayload} bytes, and the document came back whole.`);
};
