import { bytes, utf8 } from '../bytes.ts';
import { byteByByte, echoCase, failCase, filler, frame, mirrorCase, reply, type ConformanceCase } from '../case-kit.ts';
import { judgePongs } from '../verdicts.ts';

/** Autobahn section 2: §5.5.2/§5.5.3, pings are answered with pongs carrying the same payload. */

const pingPayloads = Array.from({ length: 10 }, (_, i) => `ping ${i + 1} of 10`);

function tenPings(id: string, chopped: boolean): ConformanceCase {
  return {
    id,
    title: `10 pings sent back to back${chopped ? ', byte by byte' : ''}`,
    rfc: '§5.5.3',
    requirement: 'Answer every ping with its payload (answering only the most recent one is allowed)',
    async run(session) {
      await session.send(pingPayloads.map((payload) => frame.ping(payload)), chopped ? byteByByte : undefined);
      await session.waitForReplies(pingPayloads.length);
      await session.closeNormally();
    },
    judge: judgePongs(pingPayloads.map((payload) => utf8(payload))),
  };
}

/** 2.1–2.4: pings a server must answer with the same payload. */
const answered: [title: string, rfc: string, requirement: string, payload: string | Uint8Array][] = [
  ['Ping without payload', '§5.5.2', 'Answer with a pong with an empty payload', ''],
  ['Ping with a short text payload', '§5.5.2', 'Answer with a pong carrying the same payload', 'Hello, world!'],
  ['Ping with a binary payload', '§5.5.2', 'Answer with a pong carrying the same bytes', bytes(0x00, 0xff, 0xfe, 0xfd, 0xfc, 0xfb, 0x00, 0xff)],
  ['Ping with 125 bytes of payload (the maximum)', '§5.5', 'Answer with a pong carrying the same 125 bytes', filler(125)],
];

export const pingPongCases: ConformanceCase[] = [
  ...answered.map(([title, rfc, requirement, payload], i) => mirrorCase({ id: `2.${i + 1}`, title, rfc, requirement }, 'ping', payload)),
  failCase(
    { id: '2.5', title: 'Ping with 126 bytes of payload', rfc: '§5.5', requirement: 'Control frames carry at most 125 bytes: fail the connection (1002)' },
    [frame.ping(filler(126))],
  ),
  mirrorCase(
    { id: '2.6', title: 'Ping with 125 bytes, written byte by byte', rfc: '§5.5.2', requirement: 'Reassemble the control frame and answer with the same payload' },
    'ping',
    filler(125),
    byteByByte,
  ),
  echoCase(
    { id: '2.7', title: 'Unsolicited pong without payload', rfc: '§5.5.3', requirement: 'Ignore a pong that answers no ping: no reply' },
    [frame.pong()],
    [],
  ),
  echoCase(
    { id: '2.8', title: 'Unsolicited pong with payload', rfc: '§5.5.3', requirement: 'Ignore a pong that answers no ping: no reply' },
    [frame.pong('unsolicited pong payload')],
    [],
  ),
  echoCase(
    { id: '2.9', title: 'Unsolicited pong, then a ping', rfc: '§5.5.3', requirement: 'Ignore the pong, answer the ping with its payload' },
    [frame.pong('unsolicited pong payload'), frame.ping('my ping')],
    [reply.pong('my ping')],
  ),
  tenPings('2.10', false),
  tenPings('2.11', true),
];
