import type { Opcode } from '../../../../protocol/inspect.ts';
import type { RecordedFrame, Recording } from '../../../../protocol/recording.ts';

/**
 * A recording's WebSocket messages as a HAR 1.2 log, in the shape Chromium's DevTools writes
 * ("Save all as HAR"): one entry per socket with `_resourceType: "websocket"` and
 * `_webSocketMessages: [{type: "send"|"receive", time, opcode, data}]`, where `time` is wall
 * time in seconds and `data` is the text of a text frame or the base64 of any other payload.
 * So a run opens in tools that read DevTools' HAR files. Only the messages travel: the Duplex
 * recording (JSON) stays the lossless format; HAR has no place for faults, the server's clock
 * or the code.
 */

export interface HarMessage {
  type: 'send' | 'receive';
  time: number;
  opcode: number;
  data: string;
}

/** RFC 6455 §5.2 opcode numbers. */
const opcodes: Record<Opcode, number> = { text: 1, binary: 2, close: 8, ping: 9, pong: 10 };

/** Hex pairs (how the traffic view keeps binary payloads) to base64, as DevTools writes binary frames. */
function hexToBase64(hexText: string): string {
  const pairs = hexText.replace(/[^0-9a-f]/gi, '').match(/../g) ?? [];
  return btoa(String.fromCharCode(...pairs.map((pair) => Number.parseInt(pair, 16))));
}

/**
 * The frame's payload as the recording has it: the whole payload when the browser saw it, else
 * the server's preview (control frames, which the browser API hides). A preview's "…" marks a cut.
 */
function messageData(frame: RecordedFrame): string {
  const text = frame.payload ?? frame.preview.replace(/\s*…$/, '');
  return frame.opcode === 'text' ? text : text === '' ? '' : hexToBase64(text);
}

/** When the frame left (sent) or arrived (received) in the browser, on the page clock; the server's time otherwise. */
function pageTime(frame: RecordedFrame, clockOffsetMs: number): number {
  return frame.clientAt ?? (frame.serverAt === undefined ? 0 : frame.serverAt - clockOffsetMs);
}

/** A frame that never left the browser (the send queue was full) never crossed the wire: not a message. */
export function harMessages(recording: Recording, socket: number): HarMessage[] {
  return recording.frames
    .filter((frame) => frame.socket === socket && !frame.lost)
    .map((frame) => ({
      type: frame.direction === 'up' ? 'send' : 'receive',
      time: pageTime(frame, recording.clockOffsetMs) / 1000,
      opcode: opcodes[frame.opcode],
      data: messageData(frame),
    }));
}

const iso = (ms: number) => new Date(Number.isFinite(ms) ? ms : 0).toISOString();

/** The whole HAR log: a minimal, valid HAR 1.2 entry per socket (handshake details are not recorded, so -1/empty). */
export function harOf(recording: Recording) {
  return {
    log: {
      version: '1.2',
      creator: { name: 'Duplex', version: String(recording.version) },
      entries: recording.sockets.map((socket) => {
        const messages = harMessages(recording, socket.socket);
        const first = messages[0]?.time ?? recording.startedAt / 1000;
        const last = messages.at(-1)?.time ?? first;
        return {
          startedDateTime: iso(first * 1000),
          // To the microsecond: the seconds' float arithmetic leaves noise below that.
          time: Math.max(0, Math.round((last - first) * 1e6) / 1e3),
          request: { method: 'GET', url: socket.url, httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
          response: {
            status: 101,
            statusText: 'Switching Protocols',
            httpVersion: 'HTTP/1.1',
            headers: [],
            cookies: [],
            content: { size: 0, mimeType: 'x-unknown' },
            redirectURL: '',
            headersSize: -1,
            bodySize: 0,
          },
          cache: {},
          timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: 0, receive: 0 },
          _resourceType: 'websocket',
          _webSocketMessages: messages,
        };
      }),
    },
  };
}
