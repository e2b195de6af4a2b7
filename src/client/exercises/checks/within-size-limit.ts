import { CloseCode } from '../../../../protocol/close-codes.ts';
import { type Check, notYet, pass } from './types.ts';
import { closes, consoleLines, received, sends, type FrameEvent } from './events.ts';

/** The Duplex server's default maxPayload (playground-server/config.ts). */
export const serverMaxPayload = 64 * 1024;
export const documentChars = 200_000;

/**
 * Lesson 12: a server limits message size, and a good client stays under it. Judged on the bytes
 * themselves: a 200,000-character document went out in text messages of at most 64 KiB, no socket
 * was closed with 1009, the echoes joined in order are exactly what was sent, and only then did
 * the run log "reassembled 200000".
 */
export const withinSizeLimit: Check = (events) => {
  const tooBig = closes(events).find((close) => close.code === CloseCode.messageTooBig);
  if (tooBig) return notYet(`the server closed the socket with 1009 (message too big): keep each message under ${serverMaxPayload} bytes.`);
  const sent = sends(events).filter((event) => !event.binary);
  const over = sent.find((event) => event.payloadBytes > serverMaxPayload);
  if (over) return notYet(`a ${over.payloadBytes}-byte message is over the server's ${serverMaxPayload}-byte limit.`);
  const total = sent.reduce((sum, event) => sum + event.payloadBytes, 0);
  if (total < documentChars) return notYet(`${total} of ${documentChars} bytes sent so far.`);
  const echoes = received(events).filter((event) => !event.binary);
  const back = echoes.reduce((sum, event) => sum + event.payloadBytes, 0);
  if (back < total) return notYet(`all sent; ${back} of ${total} bytes echoed back so far.`);
  const joined = (list: readonly FrameEvent[]) => list.map((event) => event.payload ?? '').join('');
  if (joined(echoes).slice(0, total) !== joined(sent)) return notYet('the echoes joined in order are not the document that was sent.');
  const lastEcho = echoes.at(-1)!;
  const reassembled = consoleLines(events).find((line) => line.text.startsWith(`reassembled ${documentChars}`) && line.at >= lastEcho.at);
  if (!reassembled) return notYet(`the whole document came back; log "reassembled ${documentChars}" once the echoed chunks are joined.`);
  return pass(`${sent.length} messages, none over ${serverMaxPayload} bytes, and the document came back whole.`);
};
